package com.crosspoint.api;

import com.crosspoint.api.dto.DeviceCredentialsDto;
import com.crosspoint.api.dto.DeviceDto;
import com.crosspoint.api.dto.DeviceRequest;
import com.crosspoint.api.dto.PasswordRequest;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.Device;
import com.crosspoint.model.User;
import com.crosspoint.provisioning.CreatedDevice;
import com.crosspoint.provisioning.Passwords;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.store.DeviceStore;

/**
 * SIP devices: created under a user, addressed by id within the tenant. A SIP password appears only
 * in the answer that set it; the appliance keeps nothing but its digest hashes.
 */
final class DevicesHandler implements RouteGroup {
    private static final String TENANT = "/api/v1/tenants/{tenantId}";
    private static final int GENERATED_PASSWORD_LENGTH = 16;

    private final DeviceStore devices;
    private final ProvisioningService provisioning;
    private final Directory directory;
    private final PhoneSetup phone;

    DevicesHandler(DeviceStore devices, ProvisioningService provisioning, Directory directory, PhoneSetup phone) {
        this.phone = phone;
        this.devices = devices;
        this.provisioning = provisioning;
        this.directory = directory;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", TENANT + "/users/{userId}/devices", Access.LOGIN, this::listOfUser)
                .add("POST", TENANT + "/users/{userId}/devices", Access.LOGIN, this::create)
                .add("GET", TENANT + "/devices", Access.LOGIN, this::listOfTenant)
                .add("GET", TENANT + "/devices/{deviceId}", Access.LOGIN, this::get)
                .add("DELETE", TENANT + "/devices/{deviceId}", Access.LOGIN, this::delete)
                .add("PUT", TENANT + "/devices/{deviceId}/password", Access.LOGIN, this::setPassword);
    }

    private long tenant(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        return tenantId;
    }

    private Reply listOfUser(ApiRequest rq) {
        long tenantId = tenant(rq);
        User u = provisioning.user(tenantId, rq.pathId("userId"));
        return Reply.ok(devices.listByUser(u.id()).stream().map(d -> DeviceDto.of(d, u.extension())).toList());
    }

    /** {@code ?sipUsername=} narrows the list to that device (how the admin CLI finds one). */
    private Reply listOfTenant(ApiRequest rq) {
        long tenantId = tenant(rq);
        provisioning.tenant(tenantId);
        String sipUsername = rq.query("sipUsername").orElse(null);
        return Reply.ok(devices.listByTenant(tenantId).stream()
                .filter(d -> sipUsername == null || sipUsername.equals(d.sipUsername()))
                .map(this::dto).toList());
    }

    private Reply create(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        long userId = rq.pathId("userId");
        DeviceRequest body = rq.bodyOr(DeviceRequest.class, () -> new DeviceRequest(null, null));
        CreatedDevice created = provisioning.createDevice(tenantId, userId, body.sipUsername(), body.password());
        Device d = created.device();
        return Reply.created(TENANT.replace("{tenantId}", Long.toString(tenantId)) + "/devices/" + d.id(),
                credentials(d, created.password()));
    }

    private Reply get(ApiRequest rq) {
        long tenantId = tenant(rq);
        return Reply.ok(dto(provisioning.device(tenantId, rq.pathId("deviceId"))));
    }

    private Reply delete(ApiRequest rq) {
        long tenantId = tenant(rq);
        provisioning.deleteDevice(tenantId, rq.pathId("deviceId"));
        return Reply.noContent();
    }

    /** Sets the given password, or a generated one when the body has none; answers with it once. */
    private Reply setPassword(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        long deviceId = rq.pathId("deviceId");
        PasswordRequest body = rq.bodyOr(PasswordRequest.class, () -> new PasswordRequest(null));
        String password = body.password() == null ? Passwords.generate(GENERATED_PASSWORD_LENGTH) : body.password();
        Device d = provisioning.setDevicePassword(tenantId, deviceId, password);
        return Reply.ok(credentials(d, password));
    }

    private DeviceCredentialsDto credentials(Device d, String password) {
        return DeviceCredentialsDto.of(d, extension(d), password, phone.host(), phone.port(),
                provisioning.tenant(d.tenantId()).domain());
    }

    private DeviceDto dto(Device d) {
        return DeviceDto.of(d, extension(d));
    }

    private String extension(Device d) {
        return directory.user(d.userId()).map(User::extension).orElse(null);
    }
}
