package com.crosspoint.sip.b2bua;

import com.crosspoint.call.ActiveCalls;
import com.crosspoint.call.CallRecords;
import com.crosspoint.concurrency.Lanes;
import com.crosspoint.directory.Directory;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.sip.SipMessages;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** The services every call of the B2BUA uses; {@code media} is null when calls are only relayed. */
record B2buaContext(SipMessages messages, Directory directory, Registrar registrar, Lanes lanes,
                    ScheduledExecutorService timers, ActiveCalls active, CallRecords records,
                    CallTable table, Clock clock, MediaServices media) {
}
