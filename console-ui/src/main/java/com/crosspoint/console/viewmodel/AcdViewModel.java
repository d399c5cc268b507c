package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.AcdAgent;
import com.crosspoint.console.client.AcdBoard;
import com.crosspoint.console.client.ApiException;
import com.crosspoint.console.client.ConsoleApi;
import com.crosspoint.console.client.StreamEvent;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The ACD tab: a tenant's queues with their figures and service-level gauges, the callers waiting (their waits
 * counted on each second) and the agents' states. The board is read on connect and whenever an {@code acd.queue}
 * frame says a queue changed (one read at a time, one more after it for whatever came meanwhile);
 * {@code acd.agent} frames update the agents at once. A supervisor may log an agent out, or move a waiting
 * caller to another queue.
 */
public final class AcdViewModel {
    private final ObservableList<TenantChoice> tenants = FXCollections.observableArrayList();
    private final ObjectProperty<TenantChoice> tenant = new SimpleObjectProperty<>(this, "tenant");
    private final ObservableList<AcdQueueRow> queues = FXCollections.observableArrayList();
    private final ObservableList<WaitingRow> waiting = FXCollections.observableArrayList();
    private final ObservableList<AgentRow> agents = FXCollections.observableArrayList();
    private final ObjectProperty<AgentRow> selectedAgent = new SimpleObjectProperty<>(this, "selectedAgent");
    private final SimpleStringProperty state = new SimpleStringProperty(this, "state", "");
    private final SimpleStringProperty message = new SimpleStringProperty(this, "message", "");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanBinding canLogOut = Bindings.createBooleanBinding(
            () -> selectedAgent.get() != null && selectedAgent.get().loggedIn() && !busy.get(), selectedAgent, busy);
    private final ObjectProperty<WaitingRow> selectedCaller = new SimpleObjectProperty<>(this, "selectedCaller");
    private final BooleanBinding canMove = Bindings.createBooleanBinding(
            () -> selectedCaller.get() != null && queues.size() > 1 && !busy.get(), selectedCaller, busy, queues);
    private final Map<Long, AcdQueueRow> queueById = new HashMap<>();
    private final Map<Long, AgentRow> agentById = new HashMap<>();
    private final Map<Long, Integer> serviceLevelSeconds = new HashMap<>();
    private final Supplier<ConsoleApi> api;
    private final Executor ui;
    private final Clock clock;
    private final Long ownTenant;
    /** The console's clock minus the appliance's: times the appliance sends are moved by it before counting. */
    private Duration skew = Duration.ZERO;
    private boolean reading;
    private boolean readAgain;
    private boolean stopped;

    /** @param ownTenant the login's tenant, or null for a global login (which chooses among the tenants) */
    public AcdViewModel(Supplier<ConsoleApi> api, Executor ui, Clock clock, Long ownTenant) {
        this.api = api;
        this.ui = ui;
        this.clock = clock;
        this.ownTenant = ownTenant;
        tenant.addListener((o, was, is) -> {
            if (is != null && (was == null || was.id() != is.id())) {
                clear();
                reload();
            }
        });
    }

    /** Finds the tenant to show (a global login: the first listed), then reads its board. */
    public void start() {
        stopped = false;
        if (ownTenant != null) {
            if (tenants.isEmpty()) {
                tenants.add(new TenantChoice(ownTenant, "tenant " + ownTenant));
                tenant.set(tenants.get(0));
            } else {
                reload();
            }
            return;
        }
        api.get().tenants().whenComplete((list, failure) -> ui.execute(() -> {
            if (failure != null) {
                state.set("Could not list the tenants: " + Failures.unwrap(failure).getMessage());
                return;
            }
            tenants.setAll(list.stream().map(t -> new TenantChoice(t.id(), t.name())).toList());
            if (tenants.isEmpty()) {
                state.set("No tenants yet.");
            } else if (tenant.get() == null) {
                tenant.set(tenants.get(0));
            } else {
                reload();
            }
        }));
    }

    public void stop() {
        stopped = true;
    }

    /** The stream's frames about the contact center (on the UI thread). */
    public void apply(StreamEvent.AcdChange change) {
        TenantChoice shown = tenant.get();
        if (stopped || shown == null || change.tenantId() != shown.id()) {
            return;
        }
        Instant now = clock.instant();
        if (change.agent() != null) {
            upsert(change.agent(), now);
        } else if (change.queue() != null) {
            AcdQueueRow row = queueById.get(change.queue().queueId());
            if (row != null) {
                row.update(change.queue(), serviceLevelSecondsOf(row));
            }
            reload(); // who waits, and a queue added or removed, come with the board
        }
    }

    /** Reads the board now, or once more after the read under way. */
    public void reload() {
        TenantChoice shown = tenant.get();
        if (stopped || shown == null) {
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        long tenantId = shown.id();
        api.get().acdBoard(tenantId).whenComplete((board, failure) -> ui.execute(() -> {
            reading = false;
            if (stopped || tenant.get() == null || tenant.get().id() != tenantId) {
                return;
            }
            if (failure != null) {
                Throwable t = Failures.unwrap(failure);
                state.set(t instanceof ApiException e && e.status() == 404 ? "This appliance runs no contact center."
                        : "Contact center not updated: " + t.getMessage());
            } else {
                show(board, clock.instant());
            }
            if (readAgain) {
                readAgain = false;
                reload();
            }
        }));
    }

    private int serviceLevelSecondsOf(AcdQueueRow row) {
        return serviceLevelSeconds.getOrDefault(row.queueId(), 0);
    }

    private void show(AcdBoard board, Instant now) {
        skew = board.at() == null ? Duration.ZERO : Duration.between(board.at(), now);
        Set<Long> seen = new HashSet<>();
        List<WaitingRow> callers = new ArrayList<>();
        for (AcdBoard.QueueBoard q : board.queues()) {
            long id = q.stats().queueId();
            seen.add(id);
            serviceLevelSeconds.put(id, q.serviceLevelSeconds());
            AcdQueueRow row = queueById.get(id);
            if (row == null) {
                row = new AcdQueueRow(q.stats(), q.serviceLevelSeconds());
                queueById.put(id, row);
                queues.add(row);
            } else {
                row.update(q.stats(), q.serviceLevelSeconds());
            }
            for (AcdBoard.WaitingCaller w : q.waiting()) {
                callers.add(new WaitingRow(id, q.stats().name(), w, local(w.joinedAt()), now));
            }
            row.head(q.waiting().isEmpty() ? null : local(q.waiting().get(0).joinedAt()), now);
        }
        queueById.keySet().removeIf(id -> !seen.contains(id));
        queues.removeIf(r -> !seen.contains(r.queueId()));
        waiting.setAll(callers);
        Set<Long> present = new HashSet<>();
        for (AcdAgent a : board.agents()) {
            present.add(a.userId());
            upsert(a, now);
        }
        agentById.keySet().removeIf(id -> !present.contains(id));
        agents.removeIf(r -> !present.contains(r.userId()));
        state.set(queues.isEmpty() ? "This tenant has no queues." : "Live");
    }

    private void upsert(AcdAgent a, Instant now) {
        Instant since = a.since() == null ? null : local(a.since());
        AgentRow row = agentById.get(a.userId());
        if (row == null) {
            row = new AgentRow(a, since, now);
            agentById.put(a.userId(), row);
            agents.add(row);
        } else {
            row.update(a, since, now);
        }
        if (row == selectedAgent.get()) {
            canLogOut.invalidate(); // the row changed in place: logged out now, or back
        }
    }

    private Instant local(Instant applianceTime) {
        return applianceTime.plus(skew);
    }

    private void clear() {
        queues.clear();
        queueById.clear();
        waiting.clear();
        agents.clear();
        agentById.clear();
        selectedAgent.set(null);
        selectedCaller.set(null);
    }

    /** Called once a second: the waits and the times in status count on. */
    public void tick(Instant now) {
        queues.forEach(q -> q.tick(now));
        waiting.forEach(w -> w.tick(now));
        agents.forEach(a -> a.tick(now));
    }

    /** The question the confirmation asks before {@link #logOut}. */
    public String logOutQuestion(AgentRow row) {
        return "Log agent " + row.extensionProperty().get() + " out? They get no more queue calls or chats until "
                + "they log in again; a call in progress goes on.";
    }

    /** A supervisor logs the agent out. */
    public CompletableFuture<Void> logOut(AgentRow row) {
        TenantChoice shown = tenant.get();
        CompletableFuture<Void> done = new CompletableFuture<>();
        String ext = row.extensionProperty().get();
        busy.set(true);
        message.set("Logging " + ext + " out…");
        api.get().setAgentStatus(shown.id(), row.userId(), "LOGGED_OUT", null).whenComplete((a, failure) ->
                ui.execute(() -> {
                    busy.set(false);
                    if (failure != null) {
                        Throwable t = Failures.unwrap(failure);
                        message.set(t instanceof ApiException e && e.status() == 403
                                ? "Not allowed to log " + ext + " out: " + t.getMessage()
                                : "Could not log " + ext + " out: " + t.getMessage());
                        done.completeExceptionally(t);
                        return;
                    }
                    upsert(a, clock.instant());
                    message.set(ext + " is logged out.");
                    done.complete(null);
                }));
        return done;
    }

    /** The queues a waiting caller may be moved to: the tenant's others. */
    public List<AcdQueueRow> moveTargets(WaitingRow row) {
        return queues.stream().filter(q -> q.queueId() != row.queueId()).toList();
    }

    /** A supervisor moves the waiting caller to the end of {@code to}; the board is read again after. */
    public CompletableFuture<Void> move(WaitingRow row, AcdQueueRow to) {
        TenantChoice shown = tenant.get();
        CompletableFuture<Void> done = new CompletableFuture<>();
        String who = row.callerProperty().get();
        String where = to.nameProperty().get();
        busy.set(true);
        message.set("Moving " + who + " to " + where + "…");
        api.get().moveCaller(shown.id(), row.queueId(), row.entryId(), to.queueId()).whenComplete((v, failure) ->
                ui.execute(() -> {
                    busy.set(false);
                    if (failure != null) {
                        Throwable t = Failures.unwrap(failure);
                        message.set("Could not move " + who + ": " + t.getMessage());
                        done.completeExceptionally(t);
                        return;
                    }
                    message.set(who + " waits in " + where + " now.");
                    reload();
                    done.complete(null);
                }));
        return done;
    }

    public ObjectProperty<WaitingRow> selectedCallerProperty() {
        return selectedCaller;
    }

    public BooleanBinding canMoveProperty() {
        return canMove;
    }

    public ObservableList<TenantChoice> tenants() {
        return tenants;
    }

    public ObjectProperty<TenantChoice> tenantProperty() {
        return tenant;
    }

    /** A global login may choose the tenant; a tenant's own login sees only its own. */
    public boolean tenantChoosable() {
        return ownTenant == null;
    }

    public ObservableList<AcdQueueRow> queues() {
        return queues;
    }

    public ObservableList<WaitingRow> waiting() {
        return waiting;
    }

    public ObservableList<AgentRow> agents() {
        return agents;
    }

    public ObjectProperty<AgentRow> selectedAgentProperty() {
        return selectedAgent;
    }

    public BooleanBinding canLogOutProperty() {
        return canLogOut;
    }

    /** Live, or why the figures are not. */
    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    /** The outcome of the last supervisor action. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
