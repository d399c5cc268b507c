package com.crosspoint.sip.message;

import com.crosspoint.im.MessageTransport;
import com.crosspoint.model.Binding;
import com.crosspoint.model.InstantMessage;
import com.crosspoint.sip.ResponseListener;
import com.crosspoint.sip.SipMessages;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends an instant message as SIP MESSAGE to each registered device of its recipient. */
public final class SipMessageTransport implements MessageTransport {
    private static final Logger LOG = LoggerFactory.getLogger(SipMessageTransport.class);

    private final SipMessages m;

    public SipMessageTransport(SipMessages messages) {
        this.m = messages;
    }

    @Override
    public CompletableFuture<Boolean> deliver(InstantMessage message, String domain, List<Binding> devices) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        AtomicInteger outstanding = new AtomicInteger(devices.size());
        Runnable oneFailed = () -> {
            if (outstanding.decrementAndGet() == 0) {
                result.complete(false);
            }
        };
        for (Binding b : devices) {
            try {
                Request rq = request(message, domain, b);
                ClientTransaction ct = m.provider().getNewClientTransaction(rq);
                ct.setApplicationData(new ResponseListener() {
                    @Override
                    public void onResponse(ResponseEvent event) {
                        int status = event.getResponse().getStatusCode();
                        if (status >= 200 && status < 300) {
                            result.complete(true);
                        } else if (status >= 300) {
                            oneFailed.run();
                        }
                    }

                    @Override
                    public void onTimeout() {
                        oneFailed.run();
                    }
                });
                ct.sendRequest();
            } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
                LOG.debug("cannot send message {} to {}: {}", message.id(), b.contact(), e.getMessage());
                oneFailed.run();
            }
        }
        return result;
    }

    private Request request(InstantMessage message, String domain, Binding b)
            throws ParseException, InvalidArgumentException {
        URI target = m.addresses().createURI(b.contact());
        String transport = target instanceof SipURI sip && sip.getTransportParam() != null
                ? sip.getTransportParam().toUpperCase(Locale.ROOT) : "UDP";
        var from = m.headers().createFromHeader(
                m.addresses().createAddress(m.addresses().createSipURI(message.fromExtension(), domain)), m.newTag());
        var to = m.headers().createToHeader(
                m.addresses().createAddress(m.addresses().createSipURI(message.toExtension(), domain)), null);
        Request rq = m.factory().createRequest(target, Request.MESSAGE, m.newCallId(),
                m.headers().createCSeqHeader(1L, Request.MESSAGE), from, to, List.of(m.via(transport)),
                m.headers().createMaxForwardsHeader(70));
        String[] type = message.contentType().split("/", 2);
        ContentTypeHeader ct = m.headers().createContentTypeHeader(type[0], type.length > 1 ? type[1] : "plain");
        rq.setContent(message.body().getBytes(StandardCharsets.UTF_8), ct);
        return rq;
    }
}
