package com.crosspoint.store.derby;

import com.crosspoint.store.AdminStore;
import com.crosspoint.store.AttendantMenuStore;
import com.crosspoint.store.BillingAccountStore;
import com.crosspoint.store.BindingStore;
import com.crosspoint.store.CarrierStore;
import com.crosspoint.store.CdrStore;
import com.crosspoint.store.ChatStore;
import com.crosspoint.store.LeftMessageStore;
import com.crosspoint.store.ConferenceStore;
import com.crosspoint.store.AcdStore;
import com.crosspoint.store.DidStore;
import com.crosspoint.store.DeviceStore;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.MessageStore;
import com.crosspoint.store.RateDeckStore;
import com.crosspoint.store.RoutingPolicyStore;
import com.crosspoint.store.RatePlanStore;
import com.crosspoint.store.StoreException;
import com.crosspoint.store.Stores;
import com.crosspoint.store.TenantStore;
import com.crosspoint.store.UserStore;
import com.crosspoint.store.VoicemailStore;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repositories on an embedded Derby database in {@code <dataDir>/db} (derby.log beside it).
 * Thread-safe: every operation is one transaction on a connection no other thread uses meanwhile.
 */
public final class DerbyStores implements Stores {
    private static final Logger LOG = LoggerFactory.getLogger(DerbyStores.class);

    private final EmbeddedDatabase database;
    private final TenantStore tenants;
    private final UserStore users;
    private final DeviceStore devices;
    private final BindingStore bindings;
    private final MessageStore messages;
    private final CdrStore cdrs;
    private final AdminStore admins;
    private final VoicemailStore voicemails;
    private final AttendantMenuStore attendantMenus;
    private final ConferenceStore conferences;
    private final DidStore dids;
    private final AcdStore acd;
    private final CarrierStore carriers;
    private final RoutingPolicyStore routingPolicy;
    private final RateDeckStore rateDecks;
    private final RatePlanStore ratePlans;
    private final BillingAccountStore billingAccounts;
    private final LedgerStore ledger;
    private final ChatStore chats;
    private final LeftMessageStore leftMessages;

    private DerbyStores(EmbeddedDatabase database, Clock clock) {
        this.database = database;
        Transactions tx = new Transactions(database);
        IdBlocks ids = new IdBlocks(tx);
        this.tenants = new DerbyTenantStore(tx, ids);
        this.users = new DerbyUserStore(tx, ids);
        this.devices = new DerbyDeviceStore(tx, ids, clock);
        this.bindings = new DerbyBindingStore(tx);
        this.messages = new DerbyMessageStore(tx, ids);
        this.cdrs = new DerbyCdrStore(tx, ids);
        this.admins = new DerbyAdminStore(tx, ids);
        this.voicemails = new DerbyVoicemailStore(tx, ids);
        this.attendantMenus = new DerbyAttendantMenuStore(tx, ids);
        this.conferences = new DerbyConferenceStore(tx, ids);
        this.dids = new DerbyDidStore(tx, ids);
        this.acd = new DerbyAcdStore(tx, ids);
        this.carriers = new DerbyCarrierStore(tx, ids);
        this.routingPolicy = new DerbyRoutingPolicyStore(tx);
        this.rateDecks = new DerbyRateDeckStore(tx, ids);
        this.ratePlans = new DerbyRatePlanStore(tx, ids);
        this.billingAccounts = new DerbyBillingAccountStore(tx);
        this.ledger = new DerbyLedgerStore(tx, ids);
        this.chats = new DerbyChatStore(tx, ids);
        this.leftMessages = new DerbyLeftMessageStore(tx, ids);
    }

    public static DerbyStores open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /**
     * Opens the database, creating it when absent, and migrates its schema to the current version.
     *
     * @param clock stamps device creation times
     * @throws IllegalStateException when this process already has the database open
     */
    public static DerbyStores open(Path dataDir, Clock clock) {
        long start = System.nanoTime();
        EmbeddedDatabase database = EmbeddedDatabase.boot(dataDir);
        try {
            database.withConnection(connection -> {
                Migrations.apply(connection);
                return null;
            });
        } catch (SQLException e) {
            throw shutDownAfter(database, new StoreException("cannot migrate " + database.directory(), e));
        } catch (RuntimeException e) {
            throw shutDownAfter(database, e);
        }
        LOG.info("Opened database {} in {} ms", database.directory(), (System.nanoTime() - start) / 1_000_000);
        return new DerbyStores(database, clock);
    }

    /** Releases a database that failed to open, so that the process can try again. */
    private static RuntimeException shutDownAfter(EmbeddedDatabase database, RuntimeException failure) {
        try {
            database.shutdown();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    @Override
    public TenantStore tenants() {
        return tenants;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public DeviceStore devices() {
        return devices;
    }

    @Override
    public BindingStore bindings() {
        return bindings;
    }

    @Override
    public VoicemailStore voicemails() {
        return voicemails;
    }

    @Override
    public AttendantMenuStore attendantMenus() {
        return attendantMenus;
    }

    @Override
    public MessageStore messages() {
        return messages;
    }

    @Override
    public CdrStore cdrs() {
        return cdrs;
    }

    @Override
    public AdminStore admins() {
        return admins;
    }

    @Override
    public ConferenceStore conferences() {
        return conferences;
    }

    @Override
    public DidStore dids() {
        return dids;
    }

    @Override
    public AcdStore acd() {
        return acd;
    }

    @Override
    public CarrierStore carriers() {
        return carriers;
    }

    @Override
    public RoutingPolicyStore routingPolicy() {
        return routingPolicy;
    }

    @Override
    public RateDeckStore rateDecks() {
        return rateDecks;
    }

    @Override
    public RatePlanStore ratePlans() {
        return ratePlans;
    }

    @Override
    public BillingAccountStore billingAccounts() {
        return billingAccounts;
    }

    @Override
    public ChatStore chats() {
        return chats;
    }

    @Override
    public LeftMessageStore leftMessages() {
        return leftMessages;
    }

    @Override
    public LedgerStore ledger() {
        return ledger;
    }

    /** Waits for running operations, then shuts the database down; later calls throw StoreException. */
    @Override
    public void close() {
        database.shutdown();
        LOG.info("Closed database {}", database.directory());
    }
}
