package com.crosspoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.ApplianceFixture;
import com.crosspoint.api.HttpJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crosspoint billing ...} in-process against a real appliance, the way bin/crosspoint runs it. */
class BillingCliTest {
    private static final String DOMAIN = "billing-cli.example.com";

    @TempDir
    static Path dir;
    static ApplianceFixture app;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        String admin = app.loginAdmin();
        long tenant = app.createTenant(admin, "Billing CLI", DOMAIN);
        String base = "/api/v1/tenants/" + tenant + "/billing";
        HttpJson.Res plan = app.post(base + "/plans", admin, "{\"name\":\"Retail\",\"currency\":\"EUR\",\"timeZone\":\"UTC\"}");
        assertThat(plan.status()).as(plan.raw().body()).isEqualTo(201);
        HttpJson.Res account = app.put(base + "/account", admin, "{\"kind\":\"PREPAID\",\"currency\":\"EUR\",\"planId\":"
                + plan.body().get("id").asLong() + "}");
        assertThat(account.status()).as(account.raw().body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static AdminCliTest.Run billing(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--tenant";
        all[1] = DOMAIN;
        all[2] = "billing";
        System.arraycopy(args, 0, all, 3, args.length);
        return AdminCliTest.cliAt(app.baseUrl(), all);
    }

    @Test
    void topUpAdjustLedgerFreezeAndAStatementFile() throws Exception {
        AdminCliTest.Run topUp = billing("top-up", "25.00", "--reason", "receipt 991");
        assertThat(topUp.code()).as(topUp.err()).isZero();
        assertThat(topUp.out()).contains("top-up 25 EUR booked; balance now 25");
        AdminCliTest.Run debit = billing("adjust", "--reason", "porting fee", "--", "-2.50");
        assertThat(debit.code()).as(debit.err()).isZero();
        assertThat(debit.out()).contains("adjustment -2.5 EUR booked; balance now 22.5");

        AdminCliTest.Run ledger = billing("ledger");
        assertThat(ledger.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).matches("AT\\s+KIND\\s+AMOUNT\\s+BY\\s+WHY"));
        assertThat(ledger.out()).contains("ADJUSTMENT").contains("porting fee").contains("receipt 991");
        assertThat(billing("account").out()).contains("PREPAID account in EUR").contains("balance 22.5");

        assertThat(billing("freeze").out()).contains("account frozen");
        assertThat(billing("account").out()).contains("FROZEN");
        assertThat(billing("thaw").out()).contains("account thawed");

        String month = YearMonth.now(ZoneOffset.UTC).toString();
        Path csv = dir.resolve("statement.csv");
        AdminCliTest.Run written = billing("statement", month, csv.toString());
        assertThat(written.code()).as(written.err()).isZero();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("closing,22.5\r\n").contains("porting fee");
        Path pdf = dir.resolve("statement.pdf");
        assertThat(billing("statement", month, pdf.toString()).code()).isZero();
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void badInputIsRefusedInWords() {
        AdminCliTest.Run amount = billing("top-up", "lots", "--reason", "x");
        assertThat(amount.code()).isEqualTo(1);
        assertThat(amount.err()).contains("(amount)");
        AdminCliTest.Run file = billing("statement", "2026-01", dir.resolve("statement.docx").toString());
        assertThat(file.code()).isEqualTo(1);
        assertThat(file.err()).contains("must end in .csv or .pdf");
        AdminCliTest.Run rerate = billing("rerate", "yesterday", "today", "--reason", "x");
        assertThat(rerate.code()).isEqualTo(1);
        assertThat(rerate.err()).contains("not an instant");
        AdminCliTest.Run reason = billing("top-up", "5");
        assertThat(reason.code()).as("a missing --reason is a usage error").isEqualTo(2);
    }

    @Test
    void rerateWithNothingToRateChangesNothing() {
        AdminCliTest.Run r = billing("rerate", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "--reason", "deck fix");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 calls examined, 0 changed");
    }
}
