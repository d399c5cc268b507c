/**
 * NAT findings: what the appliance saw of a device's network path and what it did about it, in a vocabulary shared by
 * registrations (here) and calls (later). Pure: no SIP, no sockets, no look-ups; hosts are compared as the literal
 * strings the messages carried.
 */
package com.crosspoint.nat;
