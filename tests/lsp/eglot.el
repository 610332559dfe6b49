;;; eglot.el --- Emacs eglot (Debian's elpa-eglot) as an mtlint user -*- lexical-binding: t -*-

;; Open a Markdown article of a project with a .mtlint.yml, wait for the
;; diagnostics Flymake shows, apply a quick fix through `eglot-code-actions'
;; (the command a user runs), add a word to the project's dictionary.
;; What Emacs shows at each step goes to $OUT as JSON; tests/lsp/editors.py
;; compares it with `mtlint check --format json'.
;;
;;   MTLINT=... DOC=/abs/article.md ROOT=/abs/project OUT=/abs/out.json \
;;     emacs --batch -Q -l eglot.el

;; -Q skips site-start: find Debian's elpa packages (eglot, project, xref)
(require 'package)
(setq package-directory-list '("/usr/share/emacs/site-lisp/elpa")
      package-user-dir (make-temp-file "mtlint-elpa" t))
(package-initialize)
(require 'cl-lib)
(require 'json)
(require 'eglot)

(defvar mt-published 0 "publishDiagnostics notifications seen so far.")
(defvar mt-steps nil)

(defun mt-finish (&optional err)
  (delete-directory package-user-dir t)
  (with-temp-file (getenv "OUT")
    (insert (json-encode `((steps . ,(vconcat (reverse mt-steps)))
                           ,@(and err `((error . ,err)))))))
  (kill-emacs (if err 1 0)))

(advice-add 'eglot-handle-notification :after
            (lambda (_server method &rest _)
              (when (eq method 'textDocument/publishDiagnostics)
                (cl-incf mt-published))))

(defun mt-wait (n what)
  "Wait until N publications were handled and Flymake has them."
  (let ((deadline (+ (float-time) 120)))
    (while (and (< mt-published n) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (when (< mt-published n)
      (mt-finish (format "no diagnostics %s" what)))
    ;; the first publication after an edit comes from a quick check, a
    ;; full one may follow: a request answers after both
    (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                     (list :textDocument (eglot--TextDocumentIdentifier)
                           :position (list :line 0 :character 0)))
    ;; let Flymake take the report
    (let ((until (+ (float-time) 1.0)))
      (while (< (float-time) until)
        (accept-process-output nil 0.05)))))

(defun mt-shown ()
  "Flymake's diagnostics: rule, 0-based line, byte columns, message."
  (cl-loop
   for d in (flymake-diagnostics (point-min) (point-max))
   for spec = (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))
   for beg = (flymake-diagnostic-beg d)
   for end = (flymake-diagnostic-end d)
   collect
   (cl-flet ((line (p) (1- (line-number-at-pos p t)))
             (col (p) (save-excursion
                        (goto-char p)
                        (string-bytes (buffer-substring-no-properties
                                       (line-beginning-position) p)))))
     `((rule . ,(plist-get spec :code))
       (message . ,(plist-get spec :message))
       (lnum . ,(line beg)) (col . ,(col beg))
       (end_lnum . ,(line end)) (end_col . ,(col end))))))

(defun mt-step (name)
  (push `((name . ,name) (diagnostics . ,(vconcat (mt-shown)))
          (text . ,(buffer-substring-no-properties
                    (point-min)
                    (save-excursion (goto-char (point-max))
                                    (skip-chars-backward "\n")
                                    (point)))))
        mt-steps))

(defun mt-run-action (rule prefix)
  "Run the code action titled PREFIX... at the first finding of RULE in
the text, as a user picks it from `eglot-code-actions'."
  (let ((d (cl-find-if
            (lambda (d)
              (equal (plist-get (cdr (assoc 'eglot-lsp-diag
                                            (flymake-diagnostic-data d)))
                                :code)
                     rule))
            (sort (flymake-diagnostics (point-min) (point-max))
                  (lambda (a b) (< (flymake-diagnostic-beg a)
                                   (flymake-diagnostic-beg b)))))))
    (unless d (mt-finish (format "no %s finding" rule)))
    (cl-letf (((symbol-function 'completing-read)
               (lambda (_prompt items &rest _)
                 (or (cl-find-if (lambda (title) (string-prefix-p prefix title))
                                 (mapcar #'car items))
                     (mt-finish (format "no action '%s...'" prefix))))))
      (let ((last-nonmenu-event 0))
        (eglot-code-actions (flymake-diagnostic-beg d)
                            (flymake-diagnostic-end d) nil t)))
    ;; eglot sends the edit from an idle timer, and batch Emacs is never
    ;; idle: send it as that timer would
    (eglot--signal-textDocument/didChange)))

(setq eglot-server-programs nil
      eglot-sync-connect t
      eglot-autoshutdown t
      eglot-send-changes-idle-time 0.1
      flymake-no-changes-timeout 0.1)

(let* ((root (file-name-as-directory (getenv "ROOT")))
       (doc (getenv "DOC")))
  (find-file doc)
  (text-mode)
  (condition-case err
      (eglot '(text-mode) (cons 'transient root) 'eglot-lsp-server
             (list (getenv "MTLINT") "lsp") "markdown")
    (error (mt-finish (format "eglot did not start: %S" err))))
  (flymake-mode 1)
  (mt-wait 1 "after opening")
  (mt-step "open")
  (let ((n mt-published))
    (mt-run-action "grammar.repeated-word" "Replace with")
    (mt-wait (1+ n) "after the quick fix"))
  (mt-step "fixed")
  (let ((n mt-published))
    (mt-run-action (getenv "WORD_RULE") "Add ")
    (mt-wait (1+ n) "after adding the word"))
  (mt-step "word added")
  (mt-finish))

;;; eglot.el ends here
