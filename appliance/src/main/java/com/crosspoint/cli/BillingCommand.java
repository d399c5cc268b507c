package com.crosspoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crosspoint billing account|top-up|adjust|ledger|freeze|thaw|rerate|statement} (issue 14). */
@Command(name = "billing", mixinStandardHelpOptions = true,
        description = "The tenant's billing account: balance, top-ups, ledger, freeze, statements; re-rating.",
        subcommands = {BillingCommand.Account.class, BillingCommand.TopUp.class, BillingCommand.Adjust.class,
            BillingCommand.Ledger.class, BillingCommand.Freeze.class, BillingCommand.Thaw.class,
            BillingCommand.Rerate.class, BillingCommand.StatementFile.class})
public final class BillingCommand extends GroupCommand {

    private static String base(ApiCommand c, ApiClient api) {
        return "/api/v1/tenants/" + c.tenantId(api) + "/billing";
    }

    @Command(name = "account", mixinStandardHelpOptions = true, description = "Show the account and its money now.")
    static final class Account extends ApiCommand {
        @Override
        protected void run(ApiClient api) {
            JsonNode a = api.get(base(this, api) + "/account");
            if (json) {
                printJson(api, a);
                return;
            }
            out().printf("%s account in %s%s%n", a.get("kind").asText(), a.get("currency").asText(),
                    a.get("frozen").asBoolean() ? ", FROZEN" : "");
            out().printf("balance %s, reserved by %d calls %s, available %s (credit limit %s)%n",
                    a.get("balance").asText(), a.get("openCalls").asInt(), a.get("reserved").asText(),
                    a.get("available").asText(), a.get("creditLimit").asText());
        }
    }

    /** Posts a line to the ledger: a top-up or an adjustment. */
    abstract static class Post extends ApiCommand {
        @Parameters(index = "0", paramLabel = "AMOUNT", description = "A decimal of the account's currency, e.g. 25.00.")
        String amount;

        @Option(names = "--reason", required = true, paramLabel = "WHY",
                description = "Why, for the ledger: a receipt number, a credit note.")
        String reason;

        abstract String resource();

        @Override
        protected void run(ApiClient api) {
            ObjectNode body = api.json().createObjectNode().put("amount", amount).put("reason", reason);
            JsonNode line = api.post(base(this, api) + "/" + resource(), body);
            if (json) {
                printJson(api, line);
                return;
            }
            JsonNode account = api.get(base(this, api) + "/account");
            out().printf("%s %s %s booked; balance now %s%n", line.get("kind").asText().toLowerCase().replace('_', '-'),
                    line.get("amount").asText(), line.get("currency").asText(), account.get("balance").asText());
        }
    }

    @Command(name = "top-up", mixinStandardHelpOptions = true, description = "Add money paid in to the balance.")
    static final class TopUp extends Post {
        @Override
        String resource() {
            return "top-ups";
        }
    }

    @Command(name = "adjust", mixinStandardHelpOptions = true,
            description = "Correct the balance: a credit (positive) or a debit (negative, e.g. -- -2.50).")
    static final class Adjust extends Post {
        @Override
        String resource() {
            return "adjustments";
        }
    }

    @Command(name = "ledger", mixinStandardHelpOptions = true, description = "List the ledger, newest first.")
    static final class Ledger extends ApiCommand {
        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Lines to show (default 50).")
        int limit;

        @Override
        protected void run(ApiClient api) {
            JsonNode lines = api.get(base(this, api) + "/ledger?limit=" + limit);
            if (json) {
                printJson(api, lines);
                return;
            }
            TextTable t = new TextTable("AT", "KIND", "AMOUNT", "BY", "WHY");
            lines.forEach(l -> t.row(l.get("at").asText(), l.get("kind").asText(), l.get("amount").asText(),
                    l.get("actor").asText(), l.get("reason").asText()));
            t.print(out());
        }
    }

    /** Freezes or thaws the account. */
    abstract static class Brake extends ApiCommand {
        abstract boolean frozen();

        @Override
        protected void run(ApiClient api) {
            JsonNode a = api.post(base(this, api) + "/freeze", api.json().createObjectNode().put("frozen", frozen()));
            if (json) {
                printJson(api, a);
                return;
            }
            out().println(a.get("frozen").asBoolean() ? "account frozen: new outside calls are refused"
                    : "account thawed: outside calls are allowed again");
        }
    }

    @Command(name = "freeze", mixinStandardHelpOptions = true,
            description = "Freeze the account at once: new outside calls are refused and running ones end.")
    static final class Freeze extends Brake {
        @Override
        boolean frozen() {
            return true;
        }
    }

    @Command(name = "thaw", mixinStandardHelpOptions = true, description = "Thaw a frozen account (provider only).")
    static final class Thaw extends Brake {
        @Override
        boolean frozen() {
            return false;
        }
    }

    @Command(name = "rerate", mixinStandardHelpOptions = true,
            description = {"Rate again the calls that started in [FROM, TO) with today's plans and decks, after a",
                "correction; running it twice changes nothing the second time. Every tenant unless --tenant."})
    static final class Rerate extends ApiCommand {
        @Parameters(index = "0", paramLabel = "FROM", description = "An instant, e.g. 2026-03-01T00:00:00Z.")
        String from;

        @Parameters(index = "1", paramLabel = "TO", description = "An instant after FROM.")
        String to;

        @Option(names = "--reason", required = true, paramLabel = "WHY", description = "What was corrected.")
        String reason;

        @Option(names = "--only-tenant", description = "Only the tenant of --tenant (else every tenant).")
        boolean onlyTenant;

        @Override
        protected void run(ApiClient api) {
            ObjectNode body = api.json().createObjectNode().put("from", instant(from)).put("to", instant(to))
                    .put("reason", reason);
            if (onlyTenant) {
                body.put("tenantId", tenantId(api));
            }
            JsonNode r = api.post("/api/v1/billing/rerate", body);
            if (json) {
                printJson(api, r);
                return;
            }
            out().printf("%d calls examined, %d changed, prices changed by %s micro-units in all%n",
                    r.get("examined").asLong(), r.get("changed").asLong(), r.get("priceChangeMicros").asLong());
        }

        private static String instant(String text) {
            try {
                return Instant.parse(text).toString();
            } catch (DateTimeParseException e) {
                throw new ApiCallException("not an instant such as 2026-03-01T00:00:00Z: " + text);
            }
        }
    }

    @Command(name = "statement", mixinStandardHelpOptions = true,
            description = "Write the statement of a month as CSV or PDF (the file name's extension says which).")
    static final class StatementFile extends ApiCommand {
        @Parameters(index = "0", paramLabel = "MONTH", description = "e.g. 2026-03.")
        String month;

        @Parameters(index = "1", paramLabel = "FILE", description = "Where to write it: a .csv or .pdf file.")
        Path file;

        @Override
        protected void run(ApiClient api) {
            try {
                YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                throw new ApiCallException("not a month such as 2026-03: " + month);
            }
            String name = file.getFileName().toString().toLowerCase();
            String format = name.endsWith(".pdf") ? "pdf" : name.endsWith(".csv") ? "csv" : null;
            if (format == null) {
                throw new ApiCallException("FILE must end in .csv or .pdf: " + file);
            }
            byte[] bytes = api.download(base(this, api) + "/statements/" + month + "?format=" + format);
            try {
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new ApiCallException("cannot write " + file + ": " + e.getMessage(), e);
            }
            out().printf("statement %s written to %s (%d bytes)%n", month, file, bytes.length);
        }
    }
}
