# Installs the public header, both libraries, a pkg-config file and a CMake
# package (find_package(corto) gives corto::corto and corto::corto_static).
include(CMakePackageConfigHelpers)

install(FILES ${PROJECT_SOURCE_DIR}/include/corto.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS corto_shared corto_static EXPORT cortoTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(CORTO_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/corto)
install(EXPORT cortoTargets NAMESPACE corto:: DESTINATION ${CORTO_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/cortoConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cortoConfig.cmake INSTALL_DESTINATION ${CORTO_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cortoConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cortoConfig.cmake
              ${PROJECT_BINARY_DIR}/cortoConfigVersion.cmake
        DESTINATION ${CORTO_CMAKE_DIR})

# The .pc file locates the prefix from its own folder (${pcfiledir}), so it
# stays right for `cmake --install build --prefix ANYWHERE`.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR
   IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(CORTO_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(CORTO_PC_LIBDIR "${CMAKE_INSTALL_FULL_LIBDIR}")
  set(CORTO_PC_INCLUDEDIR "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
else()
  file(RELATIVE_PATH CORTO_PC_UP "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
  string(REGEX REPLACE "/$" "" CORTO_PC_UP "${CORTO_PC_UP}")
  set(CORTO_PC_PREFIX "\${pcfiledir}/${CORTO_PC_UP}")
  set(CORTO_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  set(CORTO_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/corto.pc.in
               ${PROJECT_BINARY_DIR}/corto.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/corto.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
