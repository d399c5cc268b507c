package com.crosspoint.store;

/** Every repository of one database, and its lifecycle. */
public interface Stores extends AutoCloseable {
    TenantStore tenants();

    UserStore users();

    DeviceStore devices();

    BindingStore bindings();

    MessageStore messages();

    VoicemailStore voicemails();

    AttendantMenuStore attendantMenus();

    CdrStore cdrs();

    AdminStore admins();

    ConferenceStore conferences();

    DidStore dids();

    CarrierStore carriers();

    RateDeckStore rateDecks();

    RoutingPolicyStore routingPolicy();

    RatePlanStore ratePlans();

    BillingAccountStore billingAccounts();

    LedgerStore ledger();

    ChatStore chats();

    /** Messages visitors left in chat queues nobody answered. */
    LeftMessageStore leftMessages();

    AcdStore acd();

    /** Shuts the database down cleanly. */
    @Override
    void close();
}
