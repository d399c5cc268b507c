package com.crosspoint.sip;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;

/** OPTIONS: 200 with Allow, so phones and monitors can check the appliance is alive and what it speaks. */
public final class OptionsHandler implements RequestHandler {
    private final SipMessages messages;

    public OptionsHandler(SipMessages messages) {
        this.messages = messages;
    }

    @Override
    public void handle(RequestEvent event, ServerTransaction transaction) {
        messages.send(transaction, messages.response(event.getRequest(), Response.OK));
    }
}
