# The Debian package (issue 17).
#
#   make deb             build/deb/mtlint_<version>_<arch>.deb with
#                        dpkg-buildpackage from debian/, then lintian
#                        (fails on any lintian error)
#   make check-deb-root  install that package into a fresh Debian root
#                        (mmdebstrap, network needed, ~2-4 min) and run the
#                        Action's own steps in it on the fixtures: no
#                        compiler present, the check under 30 s
#
# `make test` runs neither by default (they need network and minutes); set
# MTLINT_TEST_DEB=1 to make it run both after the other suites.  It does
# run check-deb-control, the package's dependencies against the build's.

# The tools are tests/deps.sh's deb group; the package's dependencies are
# its runtime group (Depends) and build group (Build-Depends), which
# debian/control must list: make deb checks.  LINTIAN= skips the lint.
LINTIAN ?= lintian

# control_field FIELD: the field of debian/control with its continuation
# lines (Depends: is the binary package's, Build-Depends: the source's)
control_field = awk '/^$(1):/ { on = 1; print; next } \
	on && /^[ \t]/ { print; next } { on = 0 }' debian/control

DEB_VERSION = $(shell sed -n 's/^\#define MT_VERSION "\(.*\)"/\1/p' \
	checker/util/common.h)
DEB_ARCH = $(shell dpkg --print-architecture 2>/dev/null)
DEB_DIR = build/deb
DEB_FILE = $(DEB_DIR)/mtlint_$(DEB_VERSION)_$(DEB_ARCH).deb
DEB_SUITE ?= bookworm
DEB_ROOT = $(DEB_DIR)/root

# The source tree is copied (the files git tracks, or everything but build/
# and .git outside a git checkout) into build/deb/src, so that
# dpkg-buildpackage builds from a clean tree and writes its results into
# build/deb/ rather than next to the checkout.
# check-deb-control (part of make test: no network, no packaging tools):
# debian/control names every package of tests/deps.sh's runtime group in
# Depends and of its build group in Build-Depends, and debian/changelog
# and CHANGELOG.md are at the version the binary reports -- so that a
# dependency added for the build cannot leave the package behind.
TEST_TARGETS += check-deb-control

check-deb-control:
	@echo "  TEST     debian/control and changelogs against tests/deps.sh"
	$(Q)for p in $$($(DEPS) list runtime); do \
	  $(call control_field,Depends) | grep -Eq "(^|[ ,])$$p([ ,(]|$$)" || \
	  { echo "debian/control: Depends lacks $$p (tests/deps.sh runtime)"; \
	    exit 1; }; done
	$(Q)for p in $$($(DEPS) list build | grep -vx 'gcc\|make'); do \
	  $(call control_field,Build-Depends) | \
	    grep -Eq "(^|[ ,])$$p([ ,(<]|$$)" || { echo "debian/control:" \
	    "Build-Depends lacks $$p (tests/deps.sh build)"; exit 1; }; done
	$(Q)v=$$(sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p' debian/changelog) && \
	  [ "$$v" = "$(DEB_VERSION)" ] || { echo "debian/changelog is at" \
	  "version $$v, checker/util/common.h (MT_VERSION) at" \
	  "$(DEB_VERSION): make them agree"; exit 1; }
	$(Q)grep -q '^## \[$(DEB_VERSION)\]' CHANGELOG.md || { \
	  echo "CHANGELOG.md has no section '## [$(DEB_VERSION)]'"; exit 1; }

deb: check-deb-control
	@$(DEPS) install runtime build deb
	$(Q)rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/mtlint-$(DEB_VERSION)
	$(Q)if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  git ls-files -z | tar --null -T - -cf -; \
	else tar --exclude=./build --exclude=./.git -cf - .; fi | \
	  tar -xf - -C $(DEB_DIR)/mtlint-$(DEB_VERSION)
	@echo "  DPKG     $(DEB_FILE)"
	$(Q)cd $(DEB_DIR)/mtlint-$(DEB_VERSION) && \
	  dpkg-buildpackage -us -uc -b > ../dpkg-buildpackage.log 2>&1 || \
	  { tail -40 ../dpkg-buildpackage.log; exit 1; }
	$(Q)test -f $(DEB_FILE) || { echo "$(DEB_FILE) was not made"; exit 1; }
	@echo "  LINTIAN  $(DEB_FILE)"
	$(Q)if [ -n "$(LINTIAN)" ]; then $(LINTIAN) --fail-on error \
	  $(DEB_FILE); fi

check-deb-root: deb
	$(Q)sh tests/deb-root.sh $(DEB_FILE) $(DEB_ROOT) $(DEB_SUITE)

ifneq ($(MTLINT_TEST_DEB),)
test: test-deb
endif
test-deb: deps
	@$(MAKE) --no-print-directory check-deb-root

.PHONY: deb check-deb-control check-deb-root test-deb
