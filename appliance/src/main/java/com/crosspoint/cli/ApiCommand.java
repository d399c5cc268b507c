package com.crosspoint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * An admin command against a running appliance: logs in with the global connection options, runs,
 * logs out. Exit codes: 0 done, 1 the appliance refused or could not be reached (message on
 * stderr), 2 wrong usage.
 */
abstract class ApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the API's JSON instead of a table.")
    boolean json;

    @Override
    public final Integer call() {
        ConnectionOptions c = connection();
        if (c.password == null || c.password.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "no admin password: set CROSSPOINT_ADMIN_PASSWORD or give --password before the command");
        }
        checkUrl(c.url);
        try (ApiClient api = new ApiClient(c.url, err())) {
            api.login(c.user, c.password);
            run(api);
            out().flush();
            return 0;
        } catch (ApiCallException e) {
            err().println("crosspoint: " + e.getMessage());
            err().flush();
            return 1;
        }
    }

    /** What the command does once logged in; failures are {@link ApiCallException}s. */
    protected abstract void run(ApiClient api);

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected void printJson(ApiClient api, JsonNode node) {
        try {
            out().println(api.json().writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new ApiCallException("cannot print the answer as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The tenant of {@code --tenant} (domain or id), else the only or oldest one this login sees. */
    protected long tenantId(ApiClient api) {
        String wanted = connection().tenant;
        JsonNode tenants = api.get("/api/v1/tenants");
        if (wanted == null || wanted.isBlank()) {
            if (tenants.isEmpty()) {
                throw new ApiCallException("there is no tenant yet: create one with 'crosspoint tenant add DOMAIN'");
            }
            return tenants.get(0).get("id").asLong();
        }
        for (JsonNode t : tenants) {
            if (t.get("domain").asText().equalsIgnoreCase(wanted.trim()) || t.get("id").asText().equals(wanted.trim())) {
                return t.get("id").asLong();
            }
        }
        throw new ApiCallException("no tenant " + wanted + " (see 'crosspoint tenant list')");
    }

    /** The user of an extension in the tenant. */
    protected JsonNode userByExtension(ApiClient api, long tenantId, String extension) {
        JsonNode users = api.get("/api/v1/tenants/" + tenantId + "/users?extension=" + ApiClient.segment(extension));
        if (users.isEmpty()) {
            throw new ApiCallException("no user with extension " + extension);
        }
        return users.get(0);
    }

    /** A text field of an answer, null when absent or null. */
    protected JsonNode deviceBySipUsername(ApiClient api, long tenantId, String sipUsername) {
        JsonNode found = api.get("/api/v1/tenants/" + tenantId + "/devices?sipUsername="
                + ApiClient.segment(sipUsername));
        if (found.isEmpty()) {
            throw new ApiCallException("no device with SIP username " + sipUsername);
        }
        return found.get(0);
    }

    protected static String text(JsonNode n, String field) {
        return n.path(field).isNull() ? null : n.path(field).asText(null);
    }

    private ConnectionOptions connection() {
        for (CommandSpec mixin : spec.root().mixins().values()) {
            if (mixin.userObject() instanceof ConnectionOptions c) {
                return c;
            }
        }
        throw new IllegalStateException("the root command has no connection options");
    }

    private void checkUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below as a usage error: the URL does not parse
        }
        throw new ParameterException(spec.commandLine(), "--url must be an http:// or https:// URL: " + url);
    }
}
