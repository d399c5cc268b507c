package com.crosspoint.testing.web;

import com.crosspoint.testing.TestAppliance;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every browser test class shares: one appliance and one browser for the class ({@link #start} from the
 * subclass's {@code @BeforeAll}, closed after the class), and {@link FailureDumps} of the browser's state.
 */
public abstract class DashboardTestBase {
    protected static TestAppliance pbx;
    protected static Browser browser;
    protected static Dashboards web;

    @RegisterExtension
    final FailureDumps dumps = FailureDumps.of(() -> web);

    /** Starts the appliance, provisions it ({@code provision}: users, settings), then the browser. */
    protected static void start(Consumer<TestAppliance> provision) {
        start(Map.of(), provision);
    }

    /** As {@link #start(Consumer)}, on an appliance with these configuration overrides. */
    protected static void start(Map<String, String> overrides, Consumer<TestAppliance> provision) {
        web = Dashboards.start(overrides, provision);
        pbx = web.pbx();
        browser = web.browser();
    }

    @AfterAll
    static void closeDashboards() {
        Dashboards.closeAll(browser, pbx);
        web = null;
        pbx = null;
        browser = null;
    }
}
