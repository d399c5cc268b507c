package com.crosspoint.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Debian's own package checker on both packages: no error and no warning; the tags the appliance
 * overrides carry their reason in /usr/share/lintian/overrides/crosspoint.
 */
class LintianIT {

    @Test
    void bothPackagesPassLintian() {
        String report = DebianRoot.host(Duration.ofMinutes(5), "lintian", "--fail-on", "error,warning",
                Packages.appliance().toString(), Packages.console().toString());
        List<String> findings = report.lines().filter(l -> l.startsWith("E:") || l.startsWith("W:")).toList();
        assertThat(findings).as(report).isEmpty();
    }
}
