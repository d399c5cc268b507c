package com.crosspoint.api;

/**
 * Where a password check comes from: the address, and whether through the login page of the dashboards (WEB)
 * or the token login of API clients, the admin CLI and the console (API). Each channel has its own failure count
 * per address, so a person mistyping in the browser does not lock the CLI out of the same machine; the budget
 * per account counts both.
 */
record LoginSource(String address, Channel channel) {

    enum Channel { WEB, API }

    static LoginSource web(String address) {
        return new LoginSource(address, Channel.WEB);
    }

    static LoginSource api(String address) {
        return new LoginSource(address, Channel.API);
    }

    /** The key of the per-address throttle. */
    String throttleKey() {
        return channel.name() + " " + address;
    }
}
