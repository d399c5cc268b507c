/**
 * The media gateway role: the front door for calls from the public network. It knows which PBX node serves each
 * DID ({@link com.crosspoint.gateway.DidRoutes}, with a backup node each), sends a call to the backup when the
 * primary is down, and sizes its trunk like T1 spans of 24 channels ({@link com.crosspoint.gateway.TrunkGroup}).
 * It runs on the lean proxy core ({@code proxy}); this package decides, the core forwards.
 */
package com.crosspoint.gateway;
