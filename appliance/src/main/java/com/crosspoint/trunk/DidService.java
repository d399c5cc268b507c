package com.crosspoint.trunk;

import com.crosspoint.model.Did;
import com.crosspoint.provisioning.NotFoundException;
import com.crosspoint.provisioning.ValidationException;
import com.crosspoint.store.DidStore;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * A tenant's DIDs as its administrator changes them. A number is E.164 and belongs to one tenant (another
 * tenant's is a conflict on {@code number}); it must land on something of the tenant that answers a call, or calls
 * to it would go nowhere. The PBX reads the store on every call, so a change applies to the next call.
 */
public final class DidService {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{5,14}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,15}");

    private final DidStore store;
    private final BiPredicate<Long, String> answers;

    /** @param answers whether a number of the tenant is a user's extension, a menu or a room */
    public DidService(DidStore store, BiPredicate<Long, String> answers) {
        this.store = store;
        this.answers = answers;
    }

    public List<Did> list(long tenantId) {
        return store.list(tenantId);
    }

    /** The tenant's DID; another tenant's is as absent as one that does not exist. */
    public Did get(long tenantId, long id) {
        return store.list(tenantId).stream().filter(d -> d.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("no DID " + id + " in tenant " + tenantId));
    }

    public Did create(long tenantId, String number, String extension, boolean main) {
        return store.create(checked(0, tenantId, number, extension, main));
    }

    public Did update(long tenantId, long id, String number, String extension, boolean main) {
        get(tenantId, id);
        try {
            return store.update(checked(id, tenantId, number, extension, main));
        } catch (NoSuchElementException e) {
            throw new NotFoundException("no DID " + id + " in tenant " + tenantId);
        }
    }

    public void delete(long tenantId, long id) {
        get(tenantId, id);
        store.delete(id);
    }

    private Did checked(long id, long tenantId, String number, String extension, boolean main) {
        if (number == null || !E164.matcher(number).matches()) {
            throw new ValidationException("number", "must be an E.164 number: + and 6 to 15 digits, such as +442079460000");
        }
        if (extension == null || !EXTENSION.matcher(extension).matches()) {
            throw new ValidationException("extension", "must be 1 to 15 digits");
        }
        if (!answers.test(tenantId, extension)) {
            throw new ValidationException("extension", "no user, auto-attendant menu or conference room has number "
                    + extension);
        }
        return new Did(id, tenantId, number, extension, main);
    }
}
