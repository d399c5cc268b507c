package com.crosspoint.api;

/** A resource handler: adds its routes to the router. */
interface RouteGroup {
    void addRoutes(Router router);
}
