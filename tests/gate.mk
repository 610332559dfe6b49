# The editorial gate (issue 6): format validators used by the tests.
#   python3-jsonschema  validates SARIF against fixtures/gate/ (the SARIF
#                       2.1.0 schema, from npm @microsoft/jest-sarif, MIT)
#   libxml2-utils       xmllint checks the XML formats are well-formed
#   patch               applies --fix-dry-run's diff in the end-to-end tests
DEB_PACKAGES += python3-jsonschema libxml2-utils patch
TEST_TARGETS += check-gate-formats

check-gate-formats: all
	$(Q)$(TEST_ENV) tests/gate-formats.sh $(BIN)

.PHONY: check-gate-formats
