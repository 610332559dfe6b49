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
# MTLINT_TEST_DEB=1 to make it run both after the other suites.

# what building and linting the package needs (installed by `make deb`,
# with the Build-Depends of debian/control); LINTIAN= skips the lint
LINTIAN ?= lintian
DEB_TOOL_PACKAGES = dpkg-dev debhelper fakeroot git $(LINTIAN)
# what the fresh-root check needs besides (installed by `make check-deb-root`)
DEB_ROOT_PACKAGES = mmdebstrap

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
deb:
	@pkgs="$(DEB_TOOL_PACKAGES)"; $(INSTALL_MISSING)
	@pkgs="$$(dpkg-checkbuilddeps 2>&1 | sed -n \
	  's/.*Unmet build dependencies: //p' | sed 's/([^)]*)//g; s/|//g')"; \
	  $(INSTALL_MISSING)
	$(Q)v=$$(dpkg-parsechangelog -l debian/changelog -S Version) && \
	  [ "$$v" = "$(DEB_VERSION)" ] || { echo "debian/changelog is at" \
	  "version $$v, checker/util/common.h (MT_VERSION) at" \
	  "$(DEB_VERSION): make them agree"; exit 1; }
	$(Q)grep -q '^## \[$(DEB_VERSION)\]' CHANGELOG.md || { \
	  echo "CHANGELOG.md has no section '## [$(DEB_VERSION)]'"; exit 1; }
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
	@pkgs="$(DEB_ROOT_PACKAGES)"; $(INSTALL_MISSING)
	$(Q)sh tests/deb-root.sh $(DEB_FILE) $(DEB_ROOT) $(DEB_SUITE)

ifneq ($(MTLINT_TEST_DEB),)
test: test-deb
endif
test-deb: deps
	@$(MAKE) --no-print-directory check-deb-root

.PHONY: deb check-deb-root test-deb
