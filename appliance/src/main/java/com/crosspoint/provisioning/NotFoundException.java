package com.crosspoint.provisioning;

/** The tenant, user or device addressed does not exist. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
