include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS twitter twitter_emulator EXPORT twitter-targets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS twitter-emulator RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/twitter DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT twitter-targets NAMESPACE twitter:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/twitter)
set_target_properties(twitter_emulator PROPERTIES EXPORT_NAME emulator)
configure_package_config_file(cmake/twitter-config.cmake.in ${PROJECT_BINARY_DIR}/twitter-config.cmake
    INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/twitter)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/twitter-config-version.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/twitter-config.cmake ${PROJECT_BINARY_DIR}/twitter-config-version.cmake
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/twitter)
