/**
 * The appliance's public API as the console sees it: REST calls and the event-stream WebSocket
 * over {@code java.net.http}, JSON mapped to records with Jackson. No JavaFX here.
 */
package com.crosspoint.console.client;
