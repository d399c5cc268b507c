/**
 * The contact center's brain, pure (no SIP, no JDBC, no Jetty): queues and their configuration, agents and their
 * one state across voice and chat, the distribution strategies, waiting entries with position and estimated
 * wait, and live statistics. Call control (a queue's voice application) and the visitor chat use it alike.
 */
package com.crosspoint.acd;
