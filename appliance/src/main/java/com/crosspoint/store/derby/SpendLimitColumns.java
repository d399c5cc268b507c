package com.crosspoint.store.derby;

import com.crosspoint.model.SpendLimits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** The columns of {@link SpendLimits}, shared by accounts and users: the patterns as one space-separated text. */
final class SpendLimitColumns {
    static final String[] NAMES = {"max_calls", "max_spend_hour_micros", "max_spend_day_micros", "blocked_patterns"};

    private SpendLimitColumns() {
    }

    static Object[] values(SpendLimits limits) {
        return new Object[] {limits.maxConcurrentCalls(), limits.maxSpendPerHourMicros(), limits.maxSpendPerDayMicros(),
                String.join(" ", limits.blockedPatterns())};
    }

    static SpendLimits read(ResultSet row) throws SQLException {
        String patterns = row.getString("blocked_patterns");
        List<String> blocked = patterns.isEmpty() ? List.of() : Arrays.asList(patterns.split(" "));
        return new SpendLimits(row.getInt("max_calls"), row.getLong("max_spend_hour_micros"),
                row.getLong("max_spend_day_micros"), blocked);
    }
}
