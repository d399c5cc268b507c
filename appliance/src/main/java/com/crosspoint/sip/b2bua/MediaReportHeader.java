package com.crosspoint.sip.b2bua;

import com.crosspoint.model.CallQualitySummary;
import com.crosspoint.model.RtpStatReport;
import com.crosspoint.sip.SipMessages;
import java.text.ParseException;
import java.util.List;
import javax.sip.header.Header;

/**
 * The {@code X-RTP-Stat} header a carrier leg's BYE, or its 200 to the carrier's BYE, carries: how the audio the
 * carrier sent reached the relay, so that the call router which record-routed the call counts the carrier's MOS
 * (docs/adr/0014). None when the appliance did not carry the media or received none.
 */
final class MediaReportHeader {
    private MediaReportHeader() {
    }

    static List<Header> of(SipMessages messages, CallQualitySummary received) {
        if (received == null) {
            return List.of();
        }
        try {
            return List.of(messages.headers().createHeader(RtpStatReport.HEADER, RtpStatReport.format(received)));
        } catch (ParseException e) {
            return List.of(); // our own figures always parse; nothing to report if they did not
        }
    }
}
