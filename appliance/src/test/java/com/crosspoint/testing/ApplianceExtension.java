package com.crosspoint.testing;

import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestAppliance} for a test class: {@code @RegisterExtension static final ApplianceExtension PBX =
 * ApplianceExtension.start(...)} starts it (with config overrides, then the users {@code provision} makes) before
 * the class and closes it after, so the classes do not each repeat the start and the close.
 */
public final class ApplianceExtension implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> overrides;
    private final Consumer<TestAppliance> provision;
    private TestAppliance pbx;

    private ApplianceExtension(Map<String, String> overrides, Consumer<TestAppliance> provision) {
        this.overrides = Map.copyOf(overrides);
        this.provision = provision;
    }

    public static ApplianceExtension start() {
        return new ApplianceExtension(Map.of(), pbx -> { });
    }

    public static ApplianceExtension start(Map<String, String> overrides) {
        return new ApplianceExtension(overrides, pbx -> { });
    }

    public static ApplianceExtension start(Consumer<TestAppliance> provision) {
        return new ApplianceExtension(Map.of(), provision);
    }

    public TestAppliance get() {
        return pbx;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        pbx = TestAppliance.start(overrides);
        provision.accept(pbx);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (pbx != null) {
            pbx.close();
            pbx = null;
        }
    }
}
