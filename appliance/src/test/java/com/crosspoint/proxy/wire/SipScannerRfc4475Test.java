package com.crosspoint.proxy.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RFC 4475 torture message through the scanner as a UDP datagram: the valid ones (and the
 * syntactically valid ones of §3.3, whose trouble is for the proxy core) are accepted, each invalid
 * one is refused by the rule it breaks.
 */
class SipScannerRfc4475Test {
    private static final Map<String, ScanOutcome> EXPECTED = Map.ofEntries(
            Map.entry("wsinv.dat", ScanOutcome.ACCEPTED),
            Map.entry("intmeth.dat", ScanOutcome.ACCEPTED),
            Map.entry("esc01.dat", ScanOutcome.ACCEPTED),
            Map.entry("escnull.dat", ScanOutcome.ACCEPTED),
            Map.entry("esc02.dat", ScanOutcome.ACCEPTED),
            Map.entry("lwsdisp.dat", ScanOutcome.ACCEPTED),
            Map.entry("longreq.dat", ScanOutcome.ACCEPTED),
            Map.entry("dblreq.dat", ScanOutcome.ACCEPTED),
            Map.entry("semiuri.dat", ScanOutcome.ACCEPTED),
            Map.entry("transports.dat", ScanOutcome.ACCEPTED),
            Map.entry("mpart01.dat", ScanOutcome.ACCEPTED),
            Map.entry("unreason.dat", ScanOutcome.ACCEPTED),
            Map.entry("noreason.dat", ScanOutcome.ACCEPTED),
            Map.entry("badinv01.dat", ScanOutcome.BAD_VIA),
            Map.entry("clerr.dat", ScanOutcome.BODY_TRUNCATED),
            Map.entry("ncl.dat", ScanOutcome.BAD_CONTENT_LENGTH),
            Map.entry("scalar02.dat", ScanOutcome.BAD_CSEQ),
            Map.entry("scalarlg.dat", ScanOutcome.BAD_CSEQ),
            Map.entry("quotbal.dat", ScanOutcome.BAD_NAME_ADDR),
            Map.entry("ltgtruri.dat", ScanOutcome.BAD_REQUEST_URI),
            Map.entry("lwsruri.dat", ScanOutcome.BAD_START_LINE),
            Map.entry("lwsstart.dat", ScanOutcome.BAD_START_LINE),
            Map.entry("trws.dat", ScanOutcome.BAD_START_LINE),
            Map.entry("escruri.dat", ScanOutcome.BAD_REQUEST_URI),
            // §3.1.2.12 lets a liberal element ignore a Date it does not use; a proxy forwards it unchanged
            Map.entry("baddate.dat", ScanOutcome.ACCEPTED),
            Map.entry("regbadct.dat", ScanOutcome.BAD_NAME_ADDR),
            Map.entry("badaspec.dat", ScanOutcome.BAD_NAME_ADDR),
            // the archive's copy has no empty line after the headers
            Map.entry("baddn.dat", ScanOutcome.NO_HEADER_END),
            Map.entry("badvers.dat", ScanOutcome.VERSION_NOT_SUPPORTED),
            Map.entry("mismatch01.dat", ScanOutcome.CSEQ_METHOD_MISMATCH),
            Map.entry("mismatch02.dat", ScanOutcome.CSEQ_METHOD_MISMATCH),
            Map.entry("bigcode.dat", ScanOutcome.BAD_STATUS_CODE),
            Map.entry("badbranch.dat", ScanOutcome.BAD_BRANCH),
            Map.entry("insuf.dat", ScanOutcome.MISSING_FROM),
            Map.entry("unkscm.dat", ScanOutcome.ACCEPTED),
            Map.entry("novelsc.dat", ScanOutcome.ACCEPTED),
            Map.entry("unksm2.dat", ScanOutcome.ACCEPTED),
            Map.entry("bext01.dat", ScanOutcome.ACCEPTED),
            Map.entry("invut.dat", ScanOutcome.ACCEPTED),
            Map.entry("regaut01.dat", ScanOutcome.ACCEPTED),
            Map.entry("multi01.dat", ScanOutcome.DUPLICATE_HEADER),
            Map.entry("mcl01.dat", ScanOutcome.DUPLICATE_HEADER),
            Map.entry("bcast.dat", ScanOutcome.ACCEPTED),
            Map.entry("zeromf.dat", ScanOutcome.ACCEPTED),
            Map.entry("cparam01.dat", ScanOutcome.ACCEPTED),
            Map.entry("cparam02.dat", ScanOutcome.ACCEPTED),
            Map.entry("regescrt.dat", ScanOutcome.ACCEPTED),
            Map.entry("sdp01.dat", ScanOutcome.ACCEPTED),
            Map.entry("inv2543.dat", ScanOutcome.ACCEPTED),
            Map.entry("test.dat", ScanOutcome.BAD_START_LINE));

    private final SipScanner scanner = new SipScanner(ScanLimits.DEFAULT);
    private final SipMessage message = scanner.newMessage();

    static Stream<Arguments> corpus() {
        String index = new String(Vectors.rfc4475("index.tsv"), StandardCharsets.UTF_8);
        return index.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t"))
                .map(row -> Arguments.of(row[0], row[3]));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("corpus")
    void eachTortureMessageGetsItsVerdict(String file, String verdict) {
        assertThat(EXPECTED).as("every vector of the index has an expected outcome").containsKey(file);
        byte[] bytes = Vectors.rfc4475(file);
        assertThat(scanner.scan(bytes, 0, bytes.length, true, message)).as(file).isEqualTo(EXPECTED.get(file));
        if (verdict.startsWith("INVALID") && !file.equals("baddate.dat")) {
            assertThat(EXPECTED.get(file).refused()).as("an invalid message is refused").isTrue();
        }
    }
}
