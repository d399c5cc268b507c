package com.crosspoint.events;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events to subscribers without letting one slow subscriber hold up the publisher or
 * the others: every subscriber has its own bounded queue drained by its own thread. When a queue
 * is full the event is dropped for that subscriber only and counted; subscribers that must not
 * miss anything (the WebSocket stream) resynchronise from a snapshot when they see a gap.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final int queueCapacity;

    public EventBus(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public void publish(Event event) {
        for (Subscription s : subscriptions) {
            s.offer(event);
        }
    }

    /** Starts delivering every later event to {@code consumer} on a thread of its own. */
    public Subscription subscribe(String name, Consumer<Event> consumer) {
        return subscribe(name, e -> true, consumer);
    }

    /**
     * Like {@link #subscribe(String, Consumer)}, but only events that pass {@code interest} are
     * queued: the filter runs on the publisher's thread (keep it cheap), and spares the
     * subscriber's thread a wake-up for every registration refresh it does not care about.
     */
    public Subscription subscribe(String name, Predicate<Event> interest, Consumer<Event> consumer) {
        Subscription s = new Subscription(name, interest, consumer, new ArrayBlockingQueue<>(queueCapacity));
        subscriptions.add(s);
        s.start();
        return s;
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }

    /** One subscriber's queue and thread. */
    public final class Subscription implements AutoCloseable {
        private final String name;
        private final Predicate<Event> interest;
        private final Consumer<Event> consumer;
        private final BlockingQueue<Event> queue;
        private final AtomicLong dropped = new AtomicLong();
        private final Thread thread;

        private Subscription(String name, Predicate<Event> interest, Consumer<Event> consumer, BlockingQueue<Event> queue) {
            this.name = name;
            this.interest = interest;
            this.consumer = consumer;
            this.queue = queue;
            this.thread = new Thread(this::drain, "events-" + name);
            this.thread.setDaemon(true);
        }

        private void start() {
            thread.start();
        }

        private void offer(Event event) {
            if (!interest.test(event)) {
                return;
            }
            if (!queue.offer(event)) {
                long n = dropped.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    LOG.warn("event subscriber {} is behind: {} events dropped", name, n);
                }
            }
        }

        /** Events this subscriber lost because its queue was full. */
        public long dropped() {
            return dropped.get();
        }

        private void drain() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Event e = queue.take();
                    try {
                        consumer.accept(e);
                    } catch (RuntimeException ex) {
                        LOG.warn("event subscriber {} failed on {}", name, e.type(), ex);
                    }
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            subscriptions.remove(this);
            thread.interrupt();
        }
    }
}
