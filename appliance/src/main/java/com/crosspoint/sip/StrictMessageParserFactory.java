package com.crosspoint.sip;

import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/** Named in the stack properties so every transport parses through {@link StrictMessageParser}. */
public final class StrictMessageParserFactory implements MessageParserFactory {
    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return new StrictMessageParser();
    }
}
