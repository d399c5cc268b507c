/**
 * Test harness that drives real third-party SIP peers from JUnit integration tests, on 127.0.0.1 only.
 *
 * <ul>
 *   <li>{@link com.crosspoint.testing.BaresipPhone}: a headless baresip 1.0.0 phone (register, dial, accept,
 *       hang up, send/receive MESSAGE, events, recordings of received audio).</li>
 *   <li>{@link com.crosspoint.testing.SippRunner}: SIPp 3.6.1 with the scenarios in {@code sipp/}
 *       (register-digest, uac-call, uas-answer) and parsed final statistics.</li>
 *   <li>{@link com.crosspoint.testing.KamailioServer}: Kamailio 5.6 registrar/proxy, the harness self-test
 *       peer and the performance reference.</li>
 *   <li>{@link com.crosspoint.testing.ToneWav} and {@link com.crosspoint.testing.AudioAnalysis}: send a tone,
 *       prove it arrived (RMS, Goertzel amplitude, dominant frequency).</li>
 *   <li>{@link com.crosspoint.testing.FreePorts}: free UDP+TCP ports outside the ephemeral range.</li>
 * </ul>
 *
 * <p>Every process is bounded in time, killed by a JVM shutdown hook if a test run aborts, and logs to
 * {@code target/harness-logs/<time>-<seq>-<component>/} (override with {@code -Dcrosspoint.harness.logDir}).
 * Scratch dirs (configs, recordings) are removed on close unless {@code -Dcrosspoint.harness.keepTemp=true}.
 * A test is skipped, not failed, when a binary is missing ({@link com.crosspoint.testing.Executables}).
 *
 * <p>Recipes and version quirks: {@code docs/real-peers.md} in the shared docs.
 */
package com.crosspoint.testing;
