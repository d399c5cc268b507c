package com.crosspoint.proxy.wire;

import java.util.Arrays;

/**
 * A scanned SIP message: positions into the buffer it was scanned from, nothing copied. Filled by
 * {@link SipScanner} and reused for the next message, so it is only valid until then; whoever keeps
 * a message copies its bytes. The start line, the header table, the top Via, CSeq, Max-Forwards and
 * the From/To tags are known after a scan; everything else (Contact, Route values) is read on demand.
 */
public final class SipMessage {
    private static final int NONE = -1;

    byte[] buf;
    int start;
    int end;
    int startLineEnd;
    boolean request;
    boolean headersComplete;
    Method method;
    int methodStart;
    int methodEnd;
    int uriStart;
    int uriEnd;
    int status;
    int headerCount;
    int[] names;
    int[] lineStarts;
    int[] valueStarts;
    int[] valueEnds;
    int[] lineEnds;
    final int[] first = new int[HeaderName.count()];
    int bodyStart;
    int bodyLength;
    long cseq;
    Method cseqMethod;
    int cseqMethodStart;
    int cseqMethodEnd;
    int maxForwards;
    final int[] fromTag = new int[2];
    final int[] toTag = new int[2];
    final ViaValue topVia = new ViaValue();

    SipMessage(int maxHeaders) {
        names = new int[maxHeaders];
        lineStarts = new int[maxHeaders];
        valueStarts = new int[maxHeaders];
        valueEnds = new int[maxHeaders];
        lineEnds = new int[maxHeaders];
    }

    /** A message view for up to {@code maxHeaders} header fields; one per thread, reused. */
    public static SipMessage withCapacity(int maxHeaders) {
        return new SipMessage(maxHeaders);
    }

    void reset(byte[] b, int from, int to) {
        buf = b;
        start = from;
        end = to;
        headerCount = 0;
        request = false;
        headersComplete = false;
        Arrays.fill(first, NONE);
        method = null;
        status = 0;
        maxForwards = NONE;
        cseq = NONE;
        bodyLength = 0;
    }

    public byte[] buffer() {
        return buf;
    }

    /** First byte of the message (after any leading CRLFs). */
    public int start() {
        return start;
    }

    /** End of the message: end of the body as Content-Length says; trailing octets are not part of it. */
    public int end() {
        return end;
    }

    public int length() {
        return end - start;
    }

    public boolean isRequest() {
        return request;
    }

    /**
     * Whether a refused request can still be answered: its header table is complete and has what a
     * response copies (Via, From, To, Call-ID, CSeq). Otherwise the refusal is a silent drop.
     */
    public boolean answerable() {
        return request && headersComplete && has(HeaderName.VIA) && has(HeaderName.FROM) && has(HeaderName.TO)
                && has(HeaderName.CALL_ID) && has(HeaderName.CSEQ);
    }

    public Method method() {
        return method;
    }

    public int methodStart() {
        return methodStart;
    }

    public int methodEnd() {
        return methodEnd;
    }

    public int uriStart() {
        return uriStart;
    }

    public int uriEnd() {
        return uriEnd;
    }

    /** Index just after the start line's CRLF. */
    public int startLineEnd() {
        return startLineEnd;
    }

    public int status() {
        return status;
    }

    public int headerCount() {
        return headerCount;
    }

    public HeaderName name(int header) {
        return HeaderName.byOrdinal(names[header]);
    }

    public int lineStart(int header) {
        return lineStarts[header];
    }

    /** End of the header's last line including its CRLF. */
    public int lineEnd(int header) {
        return lineEnds[header];
    }

    public int valueStart(int header) {
        return valueStarts[header];
    }

    /** End of the value without trailing LWS; a folded value spans several lines. */
    public int valueEnd(int header) {
        return valueEnds[header];
    }

    /** Index of the first header with this name, or -1. */
    public int first(HeaderName name) {
        return first[name.ordinal()];
    }

    public boolean has(HeaderName name) {
        return first[name.ordinal()] >= 0;
    }

    /** Index of the next header with the same name after {@code header}, or -1. */
    public int nextSame(int header) {
        int n = names[header];
        for (int i = header + 1; i < headerCount; i++) {
            if (names[i] == n) {
                return i;
            }
        }
        return NONE;
    }

    public int bodyStart() {
        return bodyStart;
    }

    public int bodyLength() {
        return bodyLength;
    }

    /** The top Via value, parsed. */
    public ViaValue topVia() {
        return topVia;
    }

    /** Index of the header holding the top Via. */
    public int topViaHeader() {
        return first(HeaderName.VIA);
    }

    public long cseq() {
        return cseq;
    }

    /** The CSeq method: a response's request method, or a request's own. */
    public Method cseqMethod() {
        return cseqMethod;
    }

    public int cseqMethodStart() {
        return cseqMethodStart;
    }

    public int cseqMethodEnd() {
        return cseqMethodEnd;
    }

    /** Max-Forwards, or -1 when absent. */
    public int maxForwards() {
        return maxForwards;
    }

    public boolean hasToTag() {
        return toTag[0] >= 0;
    }

    public int toTagStart() {
        return toTag[0];
    }

    public int toTagEnd() {
        return toTag[1];
    }

    public int fromTagStart() {
        return fromTag[0];
    }

    public int fromTagEnd() {
        return fromTag[1];
    }

    /** The Call-ID's value range: {@code [valueStart(first(CALL_ID)), valueEnd(...))}. */
    public String callId() {
        int h = first(HeaderName.CALL_ID);
        return Ascii.string(buf, valueStarts[h], valueEnds[h]);
    }

    /** The first Contact's URI (read on demand), or null when there is none. */
    public String contactUri() {
        int h = first(HeaderName.CONTACT);
        if (h < 0) {
            return null;
        }
        int[] range = new int[2];
        NameAddr.uri(buf, valueStarts[h], valueEnds[h], range);
        return Ascii.string(buf, range[0], range[1]);
    }

    public String requestUri() {
        return Ascii.string(buf, uriStart, uriEnd);
    }

    /** The message as text, for logs and tests. */
    @Override
    public String toString() {
        return buf == null ? "(empty)" : Ascii.string(buf, start, end);
    }
}
