package com.crosspoint.demo;

import java.util.List;

/**
 * One simulated carrier of the demo and how it behaves.
 *
 * @param name          its carrier name in the router (the console's carrier tab shows it)
 * @param ratePerMinute its rate for every number, a decimal of the deck's currency
 * @param outcomes      what its calls get, in turn: "200" answered, "503" refused (SIPp's injection file)
 * @param ringMillis    from the INVITE to its 180 (the post-dial delay)
 * @param answerMillis  from its 180 to its 200
 * @param toneHz        the tone its callers hear, so a newcomer can tell the carriers apart by ear
 * @param behaviour     what it does, in words, for the banner and the log
 */
public record SimulatedCarrier(String name, String ratePerMinute, List<String> outcomes, int ringMillis,
                               int answerMillis, int toneHz, String behaviour) {

    /** The demo's three carriers, cheapest first. */
    public static final List<SimulatedCarrier> DEMO = List.of(
            new SimulatedCarrier("Demo Cheap", "0.0040", List.of("200", "200", "503"), 1, 1, 440,
                    "cheap, refuses every third call (503)"),
            new SimulatedCarrier("Demo Slow", "0.0060", List.of("200"), 3000, 1000, 660,
                    "rings after 3 s, answers 1 s later"),
            new SimulatedCarrier("Demo Clean", "0.0090", List.of("200"), 1, 1, 880,
                    "dearer, answers every call at once"));

    public SimulatedCarrier {
        outcomes = List.copyOf(outcomes);
        if (outcomes.isEmpty() || !outcomes.stream().allMatch(o -> o.equals("200") || o.equals("503"))) {
            throw new IllegalArgumentException("outcomes are 200 or 503: " + outcomes);
        }
        if (ringMillis < 1 || answerMillis < 1) {
            throw new IllegalArgumentException("delays are at least 1 ms (SIPp's pause)");
        }
    }

    /** The small rate deck: every number ({@code +} stripped) starting with 1 or 4, at this carrier's rate. */
    public String rateDeck() {
        return "prefix,destination,rate,effective_from\n"
                + "1,North America," + ratePerMinute + ",2020-01-01\n"
                + "44,United Kingdom," + ratePerMinute + ",2020-01-01\n";
    }
}
