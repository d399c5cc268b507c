package com.crosspoint.api;

import com.crosspoint.api.dto.MenuDto;
import com.crosspoint.api.dto.MenuRequest;
import com.crosspoint.ivr.AttendantService;
import com.crosspoint.ivr.MenuInUseException;
import com.crosspoint.model.AttendantMenu;

/** {@code /api/v1/tenants/{tenantId}/menus}: auto-attendant menus and their key options. */
final class MenusHandler implements RouteGroup {
    private static final String BASE = "/api/v1/tenants/{tenantId}/menus";

    private final AttendantService menus;

    MenusHandler(AttendantService menus) {
        this.menus = menus;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE, Access.LOGIN, this::list)
                .add("POST", BASE, Access.LOGIN, this::create)
                .add("GET", BASE + "/{menuId}", Access.LOGIN, this::get)
                .add("PUT", BASE + "/{menuId}", Access.LOGIN, this::update)
                .add("DELETE", BASE + "/{menuId}", Access.LOGIN, this::delete);
    }

    private long tenant(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        return tenantId;
    }

    private Reply list(ApiRequest rq) {
        return Reply.ok(menus.list(tenant(rq)).stream().map(MenuDto::of).toList());
    }

    private Reply create(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        AttendantMenu m = menus.create(tenantId, rq.body(MenuRequest.class).toDraft());
        return Reply.created(BASE.replace("{tenantId}", String.valueOf(tenantId)) + "/" + m.id(), MenuDto.of(m));
    }

    private Reply get(ApiRequest rq) {
        return Reply.ok(MenuDto.of(menus.get(tenant(rq), rq.pathId("menuId"))));
    }

    private Reply update(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        return Reply.ok(MenuDto.of(menus.update(tenantId, rq.pathId("menuId"), rq.body(MenuRequest.class).toDraft())));
    }

    private Reply delete(ApiRequest rq) {
        long tenantId = tenant(rq);
        try {
            menus.delete(tenantId, rq.pathId("menuId"));
        } catch (MenuInUseException e) {
            throw ApiException.conflict("menuId", e.getMessage());
        }
        return Reply.noContent();
    }
}
