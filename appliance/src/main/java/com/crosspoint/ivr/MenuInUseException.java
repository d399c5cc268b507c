package com.crosspoint.ivr;

/** A menu cannot be deleted while a key of another menu still leads to it. */
public class MenuInUseException extends RuntimeException {
    public MenuInUseException(String message) {
        super(message);
    }
}
