/**
 * The routing step: where a dialled call goes, decided once per call (and again when a user it rang could not
 * take it), as a {@link com.crosspoint.routing.Destination}. Pure: it reads the directory and the service
 * numbers and knows nothing of SIP, so the dial plan is tested as a table of inputs and destinations.
 */
package com.crosspoint.routing;
