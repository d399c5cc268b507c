package com.crosspoint.proxy.wire;

/**
 * Scans one SIP message in a byte region into a reusable {@link SipMessage}: start line, header
 * boundaries (compact names, folded lines), body boundary, and only the values a proxy needs.
 * Strict: whatever RFC 4475 §3.1.2 and §3.3 call invalid is refused with a {@link ScanOutcome}
 * naming the rule, never an exception. Not thread-safe; one per I/O thread.
 * <pre>
 * SIP-message    =  Request / Response
 * Request-Line   =  Method SP Request-URI SP SIP-Version CRLF
 * Status-Line    =  SIP-Version SP Status-Code SP Reason-Phrase CRLF
 * message-header =  header-name HCOLON header-value CRLF   ; HCOLON = *( SP / HTAB ) ":" SWS
 * </pre>
 */
public final class SipScanner {
    private static final long MAX_CSEQ = 0xFFFF_FFFFL; // 2^32 - 1 (§8.1.1.5)
    private static final byte[] VERSION = Ascii.bytes("SIP/2.0");

    private final ScanLimits limits;
    private final int[] range = new int[2];
    private final SipUri uri = new SipUri();

    public SipScanner(ScanLimits limits) {
        this.limits = limits;
    }

    /** A message view sized for these limits. */
    public SipMessage newMessage() {
        return SipMessage.withCapacity(limits.maxHeaders());
    }

    /**
     * @param datagram true for UDP: a missing Content-Length means "the rest of the datagram" (§18.3);
     *                 on a stream it is required (the framer has already cut the message by it)
     */
    public ScanOutcome scan(byte[] b, int offset, int length, boolean datagram, SipMessage m) {
        if (length > limits.maxMessageBytes()) {
            return ScanOutcome.TOO_LARGE;
        }
        int end = offset + length;
        int i = offset;
        while (i + 1 < end && b[i] == '\r' && b[i + 1] == '\n') {
            i += 2; // CRLFs before the start line are ignored (§7.5) and are keep-alives on their own
        }
        if (i >= end - 1) {
            return ScanOutcome.KEEPALIVE;
        }
        m.reset(b, i, end);
        int lineEnd = lineEnd(b, i, end);
        if (lineEnd < 0) {
            return lineEnd == -1 ? ScanOutcome.NO_HEADER_END : ScanOutcome.BAD_START_LINE;
        }
        m.startLineEnd = lineEnd + 2;
        ScanOutcome outcome = startLine(b, i, lineEnd, m);
        if (outcome != ScanOutcome.ACCEPTED) {
            if (!Ascii.regionEquals(b, i, Math.min(i + 4, lineEnd), "SIP/")) {
                m.request = true; // a broken request line: read the headers anyway, so the refusal can be answered
                m.headersComplete = headers(b, m.startLineEnd, end, m) == ScanOutcome.ACCEPTED;
            }
            return outcome;
        }
        outcome = headers(b, m.startLineEnd, end, m);
        if (outcome != ScanOutcome.ACCEPTED) {
            return outcome;
        }
        m.headersComplete = true;
        outcome = body(b, datagram, m);
        return outcome != ScanOutcome.ACCEPTED ? outcome : fields(b, m);
    }

    /** Index of the CR of the CRLF ending the line at {@code i}, or -1 (a bare LF is malformed). */
    private static int lineEnd(byte[] b, int i, int end) {
        for (int j = i; j < end; j++) {
            if (b[j] == '\n') {
                return j > i && b[j - 1] == '\r' ? j - 1 : -2;
            }
        }
        return -1;
    }

    private ScanOutcome startLine(byte[] b, int s, int e, SipMessage m) {
        if (e - s >= 8 && Ascii.regionEquals(b, s, s + 4, "SIP/")) {
            return statusLine(b, s, e, m);
        }
        int sp1 = Ascii.indexOf(b, s, e, (byte) ' ');
        int sp2 = sp1 < 0 ? -1 : Ascii.indexOf(b, sp1 + 1, e, (byte) ' ');
        if (sp1 <= s || sp2 < 0 || sp2 == sp1 + 1 || Ascii.indexOf(b, sp2 + 1, e, (byte) ' ') >= 0) {
            return ScanOutcome.BAD_START_LINE; // exactly two single spaces (§3.1.2.8-10)
        }
        if (Ascii.tokenEnd(b, s, sp1) != sp1) {
            return ScanOutcome.BAD_START_LINE;
        }
        if (!Ascii.regionEquals(b, sp2 + 1, e, VERSION, 0, VERSION.length)) {
            return Ascii.startsWithIgnoreCase(b, sp2 + 1, e, "sip/") ? ScanOutcome.VERSION_NOT_SUPPORTED
                    : ScanOutcome.BAD_START_LINE;
        }
        m.request = true;
        m.methodStart = s;
        m.methodEnd = sp1;
        m.method = Method.identify(b, s, sp1);
        m.uriStart = sp1 + 1;
        m.uriEnd = sp2;
        return requestUri(b, m.uriStart, m.uriEnd);
    }

    /** An absoluteURI; sip/sips ones must parse and carry no headers (§3.1.2.7, §3.1.2.11). Other schemes pass (§3.3.2). */
    private ScanOutcome requestUri(byte[] b, int s, int e) {
        int colon = Ascii.indexOf(b, s, e, (byte) ':');
        if (colon <= s || !Character.isLetter(b[s])) {
            return ScanOutcome.BAD_REQUEST_URI;
        }
        for (int i = s; i < colon; i++) {
            if (!Character.isLetterOrDigit(b[i]) && b[i] != '+' && b[i] != '-' && b[i] != '.') {
                return ScanOutcome.BAD_REQUEST_URI;
            }
        }
        boolean sip = Ascii.equalsIgnoreCase(b, s, colon, "sip") || Ascii.equalsIgnoreCase(b, s, colon, "sips");
        if (sip && (!uri.parse(b, s, e) || uri.hasHeaders())) {
            return ScanOutcome.BAD_REQUEST_URI;
        }
        return ScanOutcome.ACCEPTED;
    }

    private static ScanOutcome statusLine(byte[] b, int s, int e, SipMessage m) {
        if (!Ascii.regionEquals(b, s, s + VERSION.length, VERSION, 0, VERSION.length)) {
            return ScanOutcome.VERSION_NOT_SUPPORTED;
        }
        int c = s + VERSION.length;
        if (c + 4 > e || b[c] != ' ' || (c + 4 < e && b[c + 4] != ' ')) {
            return ScanOutcome.BAD_STATUS_CODE; // exactly three digits (§3.1.2.19: 4294967301)
        }
        long code = Ascii.parseUnsigned(b, c + 1, c + 4, 699);
        if (code < 100) {
            return ScanOutcome.BAD_STATUS_CODE;
        }
        m.request = false;
        m.status = (int) code;
        return ScanOutcome.ACCEPTED;
    }

    private ScanOutcome headers(byte[] b, int i, int end, SipMessage m) {
        int last = -1;
        while (true) {
            int le = lineEnd(b, i, end);
            if (le < 0) {
                return le == -1 ? ScanOutcome.NO_HEADER_END : ScanOutcome.BAD_HEADER_LINE;
            }
            if (le == i) {
                m.bodyStart = i + 2;
                return ScanOutcome.ACCEPTED;
            }
            if (Ascii.isWsp(b[i])) {
                if (last < 0) {
                    return ScanOutcome.BAD_HEADER_LINE; // continuation with nothing to continue
                }
                m.valueEnds[last] = Math.max(m.valueEnds[last], Ascii.trimEnd(b, i, le));
                m.lineEnds[last] = le + 2;
                i = le + 2;
                continue;
            }
            if (m.headerCount == limits.maxHeaders()) {
                return ScanOutcome.TOO_MANY_HEADERS;
            }
            int nameEnd = Ascii.tokenEnd(b, i, le);
            int colon = nameEnd;
            while (colon < le && Ascii.isWsp(b[colon])) {
                colon++;
            }
            if (nameEnd == i || colon == le || b[colon] != ':') {
                return ScanOutcome.BAD_HEADER_LINE;
            }
            last = addHeader(m, HeaderName.identify(b, i, nameEnd), i, Ascii.skipLws(b, colon + 1, le), le);
            if (m.valueStarts[last] > m.valueEnds[last]) {
                m.valueEnds[last] = m.valueStarts[last];
            }
            i = le + 2;
        }
    }

    private static int addHeader(SipMessage m, HeaderName name, int lineStart, int valueStart, int le) {
        int h = m.headerCount++;
        m.names[h] = name.ordinal();
        m.lineStarts[h] = lineStart;
        m.valueStarts[h] = valueStart;
        m.valueEnds[h] = Ascii.trimEnd(m.buf, valueStart, le);
        m.lineEnds[h] = le + 2;
        if (m.first[name.ordinal()] < 0) {
            m.first[name.ordinal()] = h;
        }
        return h;
    }

    private static ScanOutcome body(byte[] b, boolean datagram, SipMessage m) {
        int h = m.first(HeaderName.CONTENT_LENGTH);
        int available = m.end - m.bodyStart;
        if (h < 0) {
            if (!datagram) {
                return ScanOutcome.BAD_CONTENT_LENGTH;
            }
            m.bodyLength = available; // RFC 2543 style: the rest of the datagram (§3.4.1)
            return ScanOutcome.ACCEPTED;
        }
        long length = Ascii.parseUnsigned(b, m.valueStarts[h], m.valueEnds[h], 99_999_999);
        if (length < 0) {
            return ScanOutcome.BAD_CONTENT_LENGTH; // negative or not a number (§3.1.2.3)
        }
        if (length > available) {
            return ScanOutcome.BODY_TRUNCATED; // §3.1.2.2
        }
        m.bodyLength = (int) length;
        m.end = m.bodyStart + m.bodyLength; // trailing octets are noise (§3.1.1.8)
        return ScanOutcome.ACCEPTED;
    }

    private ScanOutcome fields(byte[] b, SipMessage m) {
        ScanOutcome outcome = mandatory(m);
        if (outcome != ScanOutcome.ACCEPTED) {
            return outcome;
        }
        outcome = cseq(b, m);
        if (outcome != ScanOutcome.ACCEPTED) {
            return outcome;
        }
        int mf = m.first(HeaderName.MAX_FORWARDS);
        if (mf >= 0) {
            long value = Ascii.parseUnsigned(b, m.valueStarts[mf], m.valueEnds[mf], 255);
            if (value < 0) {
                return ScanOutcome.BAD_MAX_FORWARDS; // §3.1.2.4: 300
            }
            m.maxForwards = (int) value;
        }
        int via = m.first(HeaderName.VIA);
        outcome = m.topVia.parse(b, m.valueStarts[via], m.valueEnds[via]);
        if (outcome != ScanOutcome.ACCEPTED) {
            return outcome;
        }
        if (m.topVia.hasBranch() && m.topVia.branchEnd() - m.topVia.branchStart() <= Branches.COOKIE.length()
                && Ascii.regionEquals(b, m.topVia.branchStart(), m.topVia.branchEnd(), Branches.COOKIE)) {
            return ScanOutcome.BAD_BRANCH; // the bare magic cookie (§3.2.1)
        }
        return addresses(b, m);
    }

    private static ScanOutcome mandatory(SipMessage m) {
        if (!m.has(HeaderName.VIA)) {
            return ScanOutcome.MISSING_VIA;
        }
        if (!m.has(HeaderName.FROM)) {
            return ScanOutcome.MISSING_FROM;
        }
        if (!m.has(HeaderName.TO)) {
            return ScanOutcome.MISSING_TO;
        }
        if (!m.has(HeaderName.CALL_ID)) {
            return ScanOutcome.MISSING_CALL_ID;
        }
        if (!m.has(HeaderName.CSEQ)) {
            return ScanOutcome.MISSING_CSEQ;
        }
        for (int h = 0; h < m.headerCount; h++) {
            HeaderName name = HeaderName.byOrdinal(m.names[h]);
            if (name.single() && m.first[m.names[h]] != h) {
                return ScanOutcome.DUPLICATE_HEADER; // §3.3.8, §3.3.9
            }
        }
        int callId = m.first(HeaderName.CALL_ID);
        return m.valueStarts[callId] == m.valueEnds[callId] ? ScanOutcome.MISSING_CALL_ID : ScanOutcome.ACCEPTED;
    }

    /** CSeq  =  "CSeq" HCOLON 1*DIGIT LWS Method */
    private static ScanOutcome cseq(byte[] b, SipMessage m) {
        int h = m.first(HeaderName.CSEQ);
        int s = m.valueStarts[h];
        int e = m.valueEnds[h];
        int digitsEnd = s;
        while (digitsEnd < e && b[digitsEnd] >= '0' && b[digitsEnd] <= '9') {
            digitsEnd++;
        }
        long number = Ascii.parseUnsigned(b, s, digitsEnd, MAX_CSEQ);
        int ms = Ascii.skipLws(b, digitsEnd, e);
        int me = Ascii.tokenEnd(b, ms, e);
        if (number < 0 || ms == digitsEnd || me == ms || me != e) {
            return ScanOutcome.BAD_CSEQ; // §3.1.2.4, §3.1.2.5: beyond 2^32-1
        }
        m.cseq = number;
        m.cseqMethodStart = ms;
        m.cseqMethodEnd = me;
        m.cseqMethod = Method.identify(b, ms, me);
        if (m.request && !Ascii.regionEquals(b, ms, me, b, m.methodStart, m.methodEnd)) {
            return ScanOutcome.CSEQ_METHOD_MISMATCH; // §3.1.2.17, §3.1.2.18
        }
        return ScanOutcome.ACCEPTED;
    }

    private ScanOutcome addresses(byte[] b, SipMessage m) {
        for (int h = 0; h < m.headerCount; h++) {
            HeaderName name = HeaderName.byOrdinal(m.names[h]);
            boolean ok = switch (name) {
                case FROM, TO -> NameAddr.valid(b, m.valueStarts[h], m.valueEnds[h], false);
                case CONTACT, ROUTE, RECORD_ROUTE -> NameAddr.valid(b, m.valueStarts[h], m.valueEnds[h], true);
                default -> true;
            };
            if (!ok) {
                return ScanOutcome.BAD_NAME_ADDR;
            }
        }
        int from = m.first(HeaderName.FROM);
        NameAddr.findTag(b, m.valueStarts[from], m.valueEnds[from], m.fromTag);
        int to = m.first(HeaderName.TO);
        NameAddr.findTag(b, m.valueStarts[to], m.valueEnds[to], m.toTag);
        return ScanOutcome.ACCEPTED;
    }
}
