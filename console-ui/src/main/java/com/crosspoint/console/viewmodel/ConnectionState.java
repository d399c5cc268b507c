package com.crosspoint.console.viewmodel;

/** The event stream's state as the status bar shows it. */
public enum ConnectionState { CONNECTING, CONNECTED, DISCONNECTED }
