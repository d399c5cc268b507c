/**
 * The PBX's way out to the public network: what an external number is (normalised to E.164, an emergency call,
 * barred against toll fraud), which caller ID it leaves with, and which trunk (a named gateway, or the call-router
 * pair) carries it. Pure, apart from the trunk's health checks: it knows no SIP stack.
 */
package com.crosspoint.trunk;
