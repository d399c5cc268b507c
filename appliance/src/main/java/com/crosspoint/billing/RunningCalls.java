package com.crosspoint.billing;

/** The billed outside calls in progress, as the PBX keeps them: what billing may end. */
public interface RunningCalls {
    RunningCalls NONE = (tenantId, userId) -> 0;

    /**
     * Ends (BYE to both sides) every running billed call of the tenant, or only of {@code userId} when it is not
     * null, because it was frozen.
     *
     * @return how many calls were told to end
     */
    int endFrozen(long tenantId, Long userId);
}
