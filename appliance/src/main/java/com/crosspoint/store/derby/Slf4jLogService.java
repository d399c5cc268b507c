package com.crosspoint.store.derby;

import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import org.slf4j.LoggerFactory;

/** Sends Liquibase's log to SLF4J instead of java.util.logging. */
final class Slf4jLogService extends AbstractLogService {
    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    @SuppressWarnings("rawtypes") // the LogService signature uses a raw Class
    public Logger getLog(Class type) {
        return new Slf4jLogger(LoggerFactory.getLogger(type));
    }
}
