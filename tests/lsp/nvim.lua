-- Neovim (headless, Debian's 0.7) as an mtlint user: open a Markdown
-- article of a project with a .mtlint.yml, wait for diagnostics, apply a
-- quick fix, add a word to the project's dictionary.  What the editor
-- shows at each step goes to $OUT as JSON; tests/lsp/editors.py compares
-- it with `mtlint check --format json`.
--
--   MTLINT=... DOC=/abs/article.md ROOT=/abs/project OUT=/abs/out.json \
--     nvim --headless --clean -n -i NONE -u NONE -c 'luafile nvim.lua'
--
-- Uses only the LSP API Debian's version has: vim.lsp.start_client and
-- vim.lsp.buf_attach_client (vim.lsp.start came with 0.8).
local mtlint, doc, root, out = os.getenv('MTLINT'), os.getenv('DOC'),
  os.getenv('ROOT'), os.getenv('OUT')
local result = { steps = {} }
local published = 0

local function finish(err)
  if err then result.error = err end
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(err and 'cquit 1' or 'qall!')
end

-- count publications, then let Neovim store them as it always does
local default = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, r, c, k)
  default(e, r, c, k)
  published = published + 1
end

local client = vim.lsp.start_client({
  name = 'mtlint', cmd = { mtlint, 'lsp' }, root_dir = root,
})
if not client then finish('the server did not start') end
vim.cmd('edit ' .. vim.fn.fnameescape(doc))
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client)

-- wait for the n-th publication, then for the server to be done: the
-- first publication after an edit comes from a quick check, a full one
-- may follow; a request answers after both (the server works in order)
local function wait_published(n, what)
  if not vim.wait(60000, function() return published >= n end, 20) then
    finish('no diagnostics ' .. what)
  end
  vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = 0, character = 0 } }, 30000)
end

-- the diagnostics as Neovim holds them (0-based lines, byte columns)
local function shown()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, {
      rule = lsp.code, message = d.message, severity = d.severity,
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    })
  end
  return list
end

local function step(name)
  table.insert(result.steps, {
    name = name, diagnostics = shown(),
    text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n'),
  })
end

-- a byte position of the buffer as an LSP position (UTF-16)
local function position(lnum, col)
  local line = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] or ''
  local _, units = vim.str_utfindex(line, math.min(col, #line))
  return { line = lnum, character = units }
end

-- the code actions at the first diagnostic of `rule` in the text, through
-- the protocol (0.7 keeps only code and data of the LSP diagnostic: the
-- range is rebuilt)
local function actions_for(rule)
  local all = vim.diagnostic.get(buf)
  table.sort(all, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  for _, d in ipairs(all) do
    local lsp = d.user_data and d.user_data.lsp
    if lsp and lsp.code == rule then
      local range = { start = position(d.lnum, d.col),
                      ['end'] = position(d.end_lnum, d.end_col) }
      local params = {
        textDocument = { uri = vim.uri_from_bufnr(buf) }, range = range,
        context = { diagnostics = { { range = range, message = d.message,
          code = lsp.code, source = 'mtlint' } } },
      }
      local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction',
        params, 30000)
      for _, r in pairs(res or {}) do return r.result or {} end
    end
  end
  return {}
end

local function pick(actions, prefix)
  for _, a in ipairs(actions) do
    if a.title:sub(1, #prefix) == prefix then return a end
  end
end

wait_published(1, 'after opening')
step('open')

-- a quick fix: the edit applied by Neovim itself
local fix = pick(actions_for('grammar.repeated-word'), 'Replace with')
if not fix then finish('no quick fix for grammar.repeated-word') end
local before = published
vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
wait_published(before + 1, 'after the quick fix')
step('fixed')

-- add a word to the project's dictionary: the server's command
local add = pick(actions_for(os.getenv('WORD_RULE')), 'Add ')
if not add then finish('no add-to-dictionary action') end
before = published
vim.lsp.buf_request_sync(buf, 'workspace/executeCommand', add.command, 30000)
wait_published(before + 1, 'after adding the word')
step('word added')

vim.lsp.stop_client(client)
finish()
