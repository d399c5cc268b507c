/**
 * The demo's simulated carriers ({@code --demo}, {@code demo.carriers}): SIPp UAS processes on loopback that behave
 * like carriers (one cheap but failing a third of calls, one dearer and clean, one slow to answer), registered with
 * the call router with a small rate deck, so that a newcomer's outside call from a demo phone routes and the
 * carrier figures move. Composed by {@code boot}; nothing here is used outside the demo.
 */
package com.crosspoint.demo;
