/*
 * xml: escaping for XML text and attributes.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/xml.h"

Test(xml, escapes_markup_quotes_and_controls)
{
	struct buf b = BUF_INIT;

	xml_escape(&b, "a<b>&\"c\" 'd'\n\te\r\x01\x1f\xef\xbf\xbe z\xc3\xa9");
	cr_assert_str_eq(b.buf, "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;"
				"&#10;&#9;e&#13;\xef\xbf\xbd\xef\xbf\xbd"
				"\xef\xbf\xbd z\xc3\xa9");
	buf_reset(&b);
	xml_attr(&b, "m", "x\"y");
	xml_attr_u(&b, "n", 42);
	cr_assert_str_eq(b.buf, " m=\"x&quot;y\" n=\"42\"");
	buf_release(&b);
}
