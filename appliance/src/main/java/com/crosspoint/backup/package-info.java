/**
 * Backup and restore of a node's data directory: one ZIP archive with the database (Derby's online
 * backup, taken while calls run), the voicemail and prompt files and a manifest of SHA-256
 * checksums; the running appliance writes it on request over a local control socket, and a
 * restore verifies every checksum and opens the database before it replaces anything.
 * The database itself is reached only through {@link com.crosspoint.backup.DatabaseCopy}, which
 * the composition root implements with the Derby store.
 */
package com.crosspoint.backup;
