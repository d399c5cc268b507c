package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.CallQualitySummary;
import com.crosspoint.model.BillableCall;
import com.crosspoint.model.CallEndReason;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatedCall;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CdrCsvTest {
    private static final Instant T = Instant.parse("2026-03-04T05:06:07Z");

    @Test
    void plainCellsStayAsTheyAre() {
        assertThat(CdrCsv.cell("1001")).isEqualTo("1001");
        assertThat(CdrCsv.cell("abc@host")).isEqualTo("abc@host");
        assertThat(CdrCsv.cell(null)).isEmpty();
        assertThat(CdrCsv.cell("")).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(CdrCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CdrCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CdrCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CdrCsv.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaGetAQuote() {
        assertThat(CdrCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CdrCsv.cell("+4930123")).isEqualTo("'+4930123");
        assertThat(CdrCsv.cell("-5+1")).isEqualTo("'-5+1");
        assertThat(CdrCsv.cell("-0.01")).as("a negative margin stays a number").isEqualTo("-0.01");
        assertThat(CdrCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CdrCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(CdrCsv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(CdrCsv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(CdrCsv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void writesAHeaderAndOneCrlfTerminatedRowPerRecord() {
        byte[] csv = CdrCsv.write(List.of(
                new CallRecord(7, 1, "id-1@h", "1001", "1002", T, T.plusSeconds(3), T.plusSeconds(45),
                        Disposition.ANSWERED, HangupParty.CALLER, 200),
                new CallRecord(8, 1, "id-2@h", "1002", "1001", T, null, T.plusSeconds(20),
                        Disposition.NO_ANSWER, null, 480),
                new CallRecord(9, 1, "id-3@h", "1001", "1003", T, T.plusSeconds(1), T.plusSeconds(11),
                        Disposition.VOICEMAIL, HangupParty.CALLER, 200, new CallQualitySummary(3.9, 5.03, 0.25, null)),
                new CallRecord(10, 1, "id-4@h", "1001", "1003", T, T.plusSeconds(1), T.plusSeconds(11),
                        Disposition.VOICEMAIL, HangupParty.CALLER, 200, new CallQualitySummary(4.41, 0, 1.5, 40.0))));

        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo(
                "id,callId,caller,callee,startedAt,answeredAt,endedAt,disposition,hungUpBy,sipCause,durationSeconds,"
                + "mos,lossPercent,jitterMillis,rttMillis,endReason,billedSeconds,price,cost,margin,currency\r\n"
                + "7,id-1@h,1001,1002,2026-03-04T05:06:07Z,2026-03-04T05:06:10Z,2026-03-04T05:06:52Z,ANSWERED,CALLER,200,42,,,,"
                + ",,,,,,\r\n"
                + "8,id-2@h,1002,1001,2026-03-04T05:06:07Z,,2026-03-04T05:06:27Z,NO_ANSWER,,480,0,,,,,,,,,,\r\n"
                + "9,id-3@h,1001,1003,2026-03-04T05:06:07Z,2026-03-04T05:06:08Z,2026-03-04T05:06:18Z,VOICEMAIL,CALLER,200,10,"
                + "3.9,5.03,0.25,,,,,,,\r\n"
                + "10,id-4@h,1001,1003,2026-03-04T05:06:07Z,2026-03-04T05:06:08Z,2026-03-04T05:06:18Z,VOICEMAIL,CALLER,200,10,"
                + "4.41,0,1.5,40,,,,,,\r\n");
    }

    @Test
    void aRatedCallCarriesItsPriceCostAndMarginAndACutOffItsReason() {
        CallRecord cut = new CallRecord(11, 1, "id-5@h", "1001", "+16175551234", T, T.plusSeconds(1),
                T.plusSeconds(31), Disposition.ANSWERED, HangupParty.SYSTEM, 200).endedBecause(
                CallEndReason.CREDIT_EXHAUSTED);
        BillableCall call = new BillableCall(11, "id-5@h", 1, 7L, "16175551234", 3L, T, T.plusSeconds(1),
                T.plusSeconds(31), 99L);
        RatedCall rated = new RatedCall(call, 30, new Money(300_000, "EUR"), "1", new Money(310_000, "EUR"), "1");

        String csv = new String(CdrCsv.write(List.of(cut), Map.of(11L, rated)), StandardCharsets.UTF_8);

        assertThat(csv).endsWith(",ANSWERED,SYSTEM,200,30,,,,,credit exhausted,30,0.3,0.31,-0.01,EUR\r\n");
    }

    @Test
    void noRecordsIsTheHeaderAlone() {
        assertThat(new String(CdrCsv.write(List.of()), StandardCharsets.UTF_8)).isEqualTo(CdrCsv.HEADER + "\r\n");
    }
}
