/** Small pieces the layers share: the FX-thread hand-off, the scheduler, the remembered-login store. */
package com.crosspoint.console.util;
