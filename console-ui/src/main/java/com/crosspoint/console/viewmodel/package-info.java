/**
 * View-models: screen state as JavaFX properties and observable lists, commands as methods. They
 * use the client, never {@code javafx.scene}; background results come back through the injected UI
 * executor, and time comes from an injected {@link java.time.Clock} or {@code tick(Instant)}.
 */
package com.crosspoint.console.viewmodel;
