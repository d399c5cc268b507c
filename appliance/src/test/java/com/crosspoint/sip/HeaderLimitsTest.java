package com.crosspoint.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The edge's length limits never exceed the database columns the values end up in: a changeset that narrows one
 * of them, or a limit raised past one, fails here instead of failing commits in production.
 */
class HeaderLimitsTest {
    private static final Pattern TABLE = Pattern.compile("tableName: (\\w+)");
    private static final Pattern COLUMN = Pattern.compile("\\{name: (\\w+), type: VARCHAR\\((\\d+)\\)");
    private static final Pattern INCLUDE = Pattern.compile("file: (db/changelog/\\S+)");
    private static final Pattern MODIFIED = Pattern.compile("columnName: (\\w+)|newDataType: VARCHAR\\((\\d+)\\)");

    @Test
    void everyLimitFitsTheColumnsItsValueIsStoredIn() throws IOException {
        Map<String, Integer> columns = columns();
        assertThat(HeaderLimits.CALL_ID).isLessThanOrEqualTo(columns.get("binding.call_id"))
                .isLessThanOrEqualTo(columns.get("call_record.call_id"));
        assertThat(HeaderLimits.USER_AGENT).isLessThanOrEqualTo(columns.get("binding.user_agent"));
        assertThat(HeaderLimits.CONTACT_URI).isLessThanOrEqualTo(columns.get("binding.contact"));
        assertThat(HeaderLimits.CONTENT_TYPE).isLessThanOrEqualTo(columns.get("instant_message.content_type"));
    }

    @Test
    void theReasonPhraseNamesTheHeaderAndItsLimit() {
        assertThat(new HeaderLimits.TooLong("User-Agent", 255).reason())
                .isEqualTo("User-Agent too long (at most 255 characters)");
    }

    /**
     * table.column → VARCHAR length, from every changelog the master includes, in its order: a later
     * {@code modifyDataType} overrides the {@code createTable} before it.
     */
    private static Map<String, Integer> columns() throws IOException {
        Map<String, Integer> out = new HashMap<>();
        Matcher include = INCLUDE.matcher(read("db/changelog/db.changelog-master.yaml"));
        while (include.find()) {
            String table = null;
            String modified = null;
            for (String line : read(include.group(1)).split("\n")) {
                Matcher t = TABLE.matcher(line);
                if (t.find()) {
                    table = t.group(1);
                }
                Matcher c = COLUMN.matcher(line);
                if (c.find() && table != null) {
                    out.put(table + "." + c.group(1), Integer.parseInt(c.group(2)));
                }
                Matcher m = MODIFIED.matcher(line);
                if (m.find() && m.group(1) != null) {
                    modified = m.group(1);
                } else if (m.find(0) && m.group(2) != null && table != null && modified != null) {
                    out.put(table + "." + modified, Integer.parseInt(m.group(2)));
                }
            }
        }
        return out;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = HeaderLimitsTest.class.getResourceAsStream("/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
