package com.crosspoint.sip.mwi;

import com.crosspoint.concurrency.Lanes;
import com.crosspoint.directory.Directory;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.sip.DigestGate;
import com.crosspoint.sip.SipMessages;
import com.crosspoint.sip.TenantResolver;
import com.crosspoint.voicemail.VoicemailService;
import java.time.Clock;

/** Message-waiting indication: the SUBSCRIBE handler and the notifier, sharing one subscription table. */
public final class Mwi {
    private final MwiNotifier notifier;
    private final SubscribeHandler subscribe;

    public Mwi(SipMessages messages, TenantResolver tenants, Directory directory, DigestGate gate, Registrar registrar,
               VoicemailService voicemail, Lanes workers, Clock clock, int subscriptionsPerUser) {
        MwiSubscriptions subscriptions = new MwiSubscriptions();
        this.notifier = new MwiNotifier(messages, subscriptions, registrar, directory, clock);
        this.subscribe = new SubscribeHandler(messages, tenants, directory, gate, voicemail, subscriptions, notifier,
                workers, clock, subscriptionsPerUser);
    }

    public MwiNotifier notifier() {
        return notifier;
    }

    public SubscribeHandler subscribeHandler() {
        return subscribe;
    }
}
