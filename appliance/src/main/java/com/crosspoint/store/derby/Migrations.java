package com.crosspoint.store.derby;

import com.crosspoint.store.StoreException;
import java.sql.Connection;
import java.util.Map;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Brings the schema up to date with the Liquibase changelog. */
final class Migrations {
    static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    /** Liquibase keeps process-wide singletons (lock services, executors): one migration at a time. */
    private static final Object LIQUIBASE = new Object();

    private Migrations() {
    }

    /** Runs the pending change sets; Liquibase closes {@code connection} when done. */
    static void apply(Connection connection) {
        synchronized (LIQUIBASE) {
            try {
                Scope.child(scope(), () -> update(connection));
            } catch (Exception e) {
                throw new StoreException("database migration failed", e);
            } finally {
                // forget this run's lock service, which holds the now closed connection
                LockServiceFactory.getInstance().resetAll();
            }
        }
    }

    /** Quiet and offline: log through SLF4J, no console summary, no analytics calls. */
    private static Map<String, Object> scope() {
        return Map.of(
                Scope.Attr.logService.name(), new Slf4jLogService(),
                Scope.Attr.ui.name(), new LoggerUIService(),
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()),
                AnalyticsArgs.ENABLED.getKey(), false);
    }

    private static void update(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        // Liquibase would otherwise stop the whole Derby engine when it closes the database
        ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
        try {
            // Derby lets one process boot the database and EmbeddedDatabase one handle per process,
            // so a lock still held here was left by a crash during a migration
            LockServiceFactory.getInstance().getLockService(database).forceReleaseLock();
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                    .execute();
        } finally {
            database.close();
        }
    }
}
