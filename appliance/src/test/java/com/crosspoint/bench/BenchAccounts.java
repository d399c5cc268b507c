package com.crosspoint.bench;

import com.crosspoint.testing.SippUser;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The accounts one peer knows: load users {@code load1..loadN} (SIP user names) for the REGISTER runs, and a
 * callee (the SIPp UAS registers as it) and a caller for the call runs. On the appliance a load user's AOR is
 * a numeric extension (extensions are digits), on Kamailio it is the user name itself.
 */
final class BenchAccounts {
    private final int extensionBase;
    private final String loadPassword;
    private final String callee;
    private final String calleePassword;
    private final String caller;
    private final String callerPassword;

    private BenchAccounts(int extensionBase, String loadPassword, String callee, String calleePassword,
            String caller, String callerPassword) {
        this.extensionBase = extensionBase;
        this.loadPassword = loadPassword;
        this.callee = callee;
        this.calleePassword = calleePassword;
        this.caller = caller;
        this.callerPassword = callerPassword;
    }

    /** Extensions 100001.. with devices load1..; 2000 answers, 2001 calls (see BenchProvisioning). */
    static BenchAccounts appliance() {
        return new BenchAccounts(100_000, "loadpw-bench", "2000", "pw-bench-2000", "2001", "pw-bench-2001");
    }

    /** The users of the harness' kamailio.cfg: load* with "loadpw", 1004 answers, 1005 calls. */
    static BenchAccounts kamailio() {
        return new BenchAccounts(0, "loadpw", "1004", "pw1004", "1005", "pw1005");
    }

    String loadUsername(int n) {
        return "load" + n;
    }

    /** The user part of load user n's AOR. */
    String loadExtension(int n) {
        return extensionBase > 0 ? Integer.toString(extensionBase + n) : loadUsername(n);
    }

    String loadPassword() {
        return loadPassword;
    }

    String calleeExtension() {
        return callee;
    }

    String callerExtension() {
        return caller;
    }

    String calleePassword() {
        return calleePassword;
    }

    String callerPassword() {
        return callerPassword;
    }

    List<SippUser> registerUsers(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> new SippUser(loadExtension(n), loadUsername(n), loadPassword, "")).toList();
    }

    SippUser calleeUser() {
        return SippUser.of(callee, calleePassword);
    }

    SippUser callerUser() {
        return SippUser.caller(caller, callerPassword, callee);
    }
}
