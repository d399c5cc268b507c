package com.crosspoint.acd;

/** How a queue picks the agent(s) offered its next waiting entry. */
public enum Strategy {
    /** Every free agent at once; the first to answer takes it. */
    RING_ALL,
    /** The free agent whose last call ended longest ago (never-called agents first). */
    LONGEST_IDLE,
    /** The free agent after the one offered last, in member order, wrapping around (the queue remembers). */
    ROUND_ROBIN,
    /** The free agent who answered the fewest calls since logging in. */
    FEWEST_CALLS,
    /** Any free agent, chosen at random. */
    RANDOM,
    /**
     * The free agent with the queue's skill at the best (lowest) level; after the queue's widening time, each
     * such span of waiting admits the next level too.
     */
    SKILLS_BASED
}
